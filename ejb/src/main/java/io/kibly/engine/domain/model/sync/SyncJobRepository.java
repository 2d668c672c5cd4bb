package io.kibly.engine.domain.model.sync;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sync jobs and incremental cursors, always seen through their tenant. */
public interface SyncJobRepository {

    /** Stores a new job and writes it now, so that the database's uniqueness rules answer at once. */
    void store(SyncJob job);

    Optional<SyncJob> find(TenantId tenantId, UUID id);

    /** The job, locked until the transaction ends: workers and API calls that change it queue up. */
    Optional<SyncJob> findLocked(TenantId tenantId, UUID id);

    /** The integration's QUEUED, RUNNING or RETRY_SCHEDULED job, if any (there is at most one). */
    Optional<SyncJob> activeFor(TenantId tenantId, UUID integrationId);

    Optional<SyncJob> byIdempotencyKey(TenantId tenantId, String idempotencyKey);

    /** Newest first, keyset-paginated; null filters match everything. */
    List<SyncJob> page(TenantId tenantId, UUID integrationId, SyncStatus status, UUID after, int limit);

    /** Where the integration's next incremental read of {@code entity} starts (null: never synced). */
    Instant cursor(TenantId tenantId, UUID integrationId, String entity);

    void moveCursor(TenantId tenantId, UUID integrationId, String entity, Instant modifiedSince, Instant now);

    /** The job's status, read without loading (or locking) the job. */
    Optional<SyncStatus> status(TenantId tenantId, UUID id);

    /** A batch import's windows, by index. */
    List<SyncPartition> partitions(TenantId tenantId, UUID jobId);

    /** Stores a window's new state (a new window, or one read further). */
    void savePartition(TenantId tenantId, UUID jobId, SyncPartition partition, Instant now);
}
