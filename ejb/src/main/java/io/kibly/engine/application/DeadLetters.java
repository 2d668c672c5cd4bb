package io.kibly.engine.application;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** Port: the work the broker parked after its redeliveries ran out, as the tenant it belongs to may see it. */
public interface DeadLetters {

    /** The tenant's parked messages, newest first (at most {@code limit}). */
    List<DeadLetter> of(TenantId tenantId, int limit);

    /**
     * One parked message: the queue it was meant for, the broker's reason and comment, the failure it ended
     * with, when it was parked, and the job it carried (if any).
     */
    record DeadLetter(String messageId, String queue, String reason, String comment, String failure,
            Instant parkedAt, String jobId) {
    }
}
