package io.kibly.engine.application;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.util.UUID;

/** The work behind the queues: what the sync and import workers do with a message. */
public interface SyncWorker {

    /** Takes a queued job up and queues its next page. */
    void plan(TenantId tenantId, UUID jobId);

    /**
     * Fetches and stores the job's page {@code step}: within the rate budget, with a valid access token, through
     * the gateway; then commits the rows with the checkpoint and queues the next page. Throttling, transient and
     * permanent failures are recorded on the job, never thrown: a message is thrown back to the broker only when
     * the engine itself failed (e.g. its database), to be redelivered.
     */
    void importPage(TenantId tenantId, UUID jobId, int step);
}
