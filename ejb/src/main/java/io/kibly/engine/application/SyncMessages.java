package io.kibly.engine.application;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Port: the work queues between the sync workers. Every send joins the caller's transaction: a message exists
 * if and only if the change that produced it committed.
 */
public interface SyncMessages {

    /** Asks the planner to take up a job. */
    void plan(TenantId tenantId, UUID jobId, int priority);

    /** Asks the planner to take the job up again after {@code delay} (a batch import's next attempt). */
    void planLater(TenantId tenantId, UUID jobId, int priority, java.time.Duration delay);

    /** Asks an import worker to fetch and store the job's page number {@code step}, after {@code delay}. */
    void importPage(TenantId tenantId, UUID jobId, int step, int priority, Duration delay);

    /** Hands new or changed transactions to the enrichment workers. */
    void enrich(TenantId tenantId, UUID integrationId, UUID jobId, List<String> providerIds);

    /** Enrichment that failed, tried again after {@code delay}: {@code attempt} counts the tries so far. */
    void retryEnrichment(TenantId tenantId, UUID integrationId, List<String> providerIds, int attempt,
            java.time.Duration delay);

    /**
     * The rest of an enrichment whose chunk used up its time for regular expressions, handed back to the queue to
     * run after {@code delay}: not a failure, so no try is counted.
     */
    default void enrichLater(TenantId tenantId, UUID integrationId, List<String> providerIds, Duration delay) {
        retryEnrichment(tenantId, integrationId, providerIds, 0, delay);
    }

    /** Asks the enrichment workers to re-enrich the tenant's transactions after row {@code afterId}, a chunk at a time. */
    default void reenrich(TenantId tenantId, long afterId, boolean onlyUncategorised) {
        reenrich(tenantId, afterId, onlyUncategorised, Duration.ZERO);
    }

    /** The same, after {@code delay}. */
    void reenrich(TenantId tenantId, long afterId, boolean onlyUncategorised, Duration delay);

    /** Asks the enrichment worker to retrain the tenant's categoriser if enough new labels came. */
    void retrain(TenantId tenantId);
}
