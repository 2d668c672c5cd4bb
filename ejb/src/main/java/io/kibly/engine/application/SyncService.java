package io.kibly.engine.application;

import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.sync.SyncStatus;
import io.kibly.engine.domain.model.sync.SyncTrigger;
import io.kibly.engine.domain.model.sync.SyncType;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Sync jobs as the enterprise portal, the schedule, webhooks and corporate systems see them. Starting one answers
 * at once: the work happens in the workers behind the JMS queues.
 */
public interface SyncService {

    /**
     * Starts a sync of an ACTIVE integration, or finds the one that already answers the request: the job an
     * {@code idempotencyKey} created before (same request), or the integration's active job (one at a time).
     *
     * @throws IdempotencyKeyReusedException the key was used for a different request
     * @throws IdempotentRequestInFlightException the key's first request has not finished yet
     * @throws IntegrationNotReadyException the integration cannot be synced (not connected, needs re-auth, ...)
     */
    Started start(@NotNull TenantId tenantId, @NotNull String user, @NotNull SyncRequest request,
            String idempotencyKey);

    SyncJob job(@NotNull TenantId tenantId, @NotNull UUID jobId);

    /** Newest first; null filters match everything; {@code after} is the last job id of the previous page. */
    List<SyncJob> jobs(@NotNull TenantId tenantId, UUID integrationId, SyncStatus status, UUID after, int limit);

    /** Stops the job within one page: no further provider calls; committed pages stay. */
    SyncJob cancel(@NotNull TenantId tenantId, @NotNull UUID jobId);

    /** Queues a failed or cancelled job again, from its last checkpoint. */
    SyncJob retry(@NotNull TenantId tenantId, @NotNull UUID jobId);

    /** What to sync. */
    record SyncRequest(UUID integrationId, SyncType type, SyncTrigger trigger, int priority, LocalDate dateFrom,
            LocalDate dateTo) {

        /** A fingerprint of the request, to recognise a replay under the same idempotency key. */
        public String fingerprint() {
            return integrationId + "|" + type + "|" + priority + "|" + dateFrom + "|" + dateTo;
        }
    }

    /** The answer: the job, and whether this call created it (false: an earlier one, or the active one). */
    record Started(SyncJob job, boolean created) {
    }
}
