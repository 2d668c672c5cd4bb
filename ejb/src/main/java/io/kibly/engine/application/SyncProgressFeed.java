package io.kibly.engine.application;

import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.tenant.TenantId;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Live progress: every committed change of a sync job (each page, each state change) is handed to the
 * subscribers of its tenant, after the commit and never for a rolled-back change. Subscribers are local to the
 * server that runs the job's workers.
 */
public interface SyncProgressFeed {

    /**
     * Subscribes to one job ({@code jobId}) or to all of the tenant's jobs ({@code jobId} null). A listener that
     * throws is unsubscribed.
     */
    Subscription subscribe(TenantId tenantId, UUID jobId, Consumer<SyncJob> listener);

    /** Ends a subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** The CDI event a committed change of a job fires (observed after the transaction succeeds). */
    record JobChanged(SyncJob job) {
    }
}
