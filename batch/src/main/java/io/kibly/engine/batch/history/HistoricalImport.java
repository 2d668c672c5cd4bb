package io.kibly.engine.batch.history;

import java.util.List;

/**
 * What the historical import's batch artifacts ask of the engine (implemented in the EJB module, found through
 * {@link io.kibly.engine.batch.BatchPorts}). Windows and their checkpoints live in the engine's database.
 */
public interface HistoricalImport {

    /** The windows not read to their end yet (all of them at the first start), at least one index. */
    List<Integer> unfinishedWindows(String tenantId, String jobId);

    /** How many windows may be read at once: the provider's concurrent-call limit. */
    int parallelWindows(String tenantId, String jobId);

    /**
     * Fetches the window's next page, waiting out rate limits and retrying passing failures; null when the window
     * is done or the job no longer runs (cancelled). The page is opaque here: it goes back to {@link #store}.
     *
     * @throws PermanentImportFailure when retrying cannot help (the partition, and the job, fail)
     */
    Object nextPage(String tenantId, String jobId, int window);

    /** Stores a fetched page and moves the window's checkpoint, in the chunk's transaction. */
    void store(String tenantId, String jobId, int window, Object page);

    /** Every window was read: the job completes. */
    void complete(String tenantId, String jobId);

    /**
     * The batch job failed: the sync job is tried again after a backoff (the execution restarted from the
     * checkpoints) until its attempts run out, then fails with the reason.
     */
    void fail(String tenantId, String jobId, String reason);
}
