package io.kibly.engine.application.internal;

import io.kibly.engine.application.SyncWorker;
import io.kibly.engine.application.internal.SyncJobSteps.PageWork;
import io.kibly.engine.application.BatchJob;
import io.kibly.engine.application.BatchJobs;
import io.kibly.engine.application.LedgerGateway;
import io.kibly.engine.domain.model.sync.SyncPartition;
import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One page per message, without a transaction of its own: the provider call happens between the short
 * transactions of {@link SyncJobSteps} (claim, then commit or record the failure), never inside one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultSyncWorker implements SyncWorker {

    private static final Logger LOG = Logger.getLogger(DefaultSyncWorker.class.getName());

    @EJB
    SyncJobSteps steps;
    @Inject
    PageFetcher fetcher;
    @Inject
    ImportEnrichment enrichment;

    @EJB
    BatchImportSteps batchSteps;
    @Inject
    BatchJobs batchJobs;

    /** A FULL sync of at least this many transactions runs as a batch import (0: never). */
    @Inject
    @ConfigProperty(name = "kibly.sync.batch-threshold", defaultValue = "50000")
    long batchThreshold;
    @Inject
    @ConfigProperty(name = "kibly.sync.batch-parallel-windows", defaultValue = "5")
    int parallelWindows;
    @Inject
    @ConfigProperty(name = "kibly.sync.page-size", defaultValue = "1000")
    int pageSize;

    /**
     * Takes a job up: a large FULL sync becomes a batch import (its windows found by a few one-row probes of the
     * provider's ordered list), a batch import queued again resumes, anything else is read page by page through
     * the import queue.
     */
    @Override
    public void plan(TenantId tenantId, UUID jobId) {
        Optional<BatchImportSteps.Candidate> candidate = batchThreshold > 0 ? batchSteps.candidate(tenantId, jobId)
                : Optional.empty();
        if (candidate.isEmpty()) {
            steps.plan(tenantId, jobId);
        } else if (candidate.get().resume()) {
            resumeBatch(tenantId, jobId, candidate.get());
        } else {
            Optional<Windows> windows = windows(tenantId, candidate.get());
            if (windows.isEmpty()) {
                steps.plan(tenantId, jobId);
            } else if (batchSteps.start(tenantId, jobId, windows.get().windows(), windows.get().itemCount())) {
                startBatch(tenantId, jobId);
            }
        }
    }

    /** A batch import's plan: its windows over the provider's {@code itemCount} transactions. */
    private record Windows(List<SyncPartition> windows, long itemCount) {
    }

    private void startBatch(TenantId tenantId, UUID jobId) {
        long execution = batchJobs.start(tenantId, BatchJob.HISTORICAL_IMPORT, Map.of("jobId", jobId.toString()));
        batchSteps.attachExecution(tenantId, jobId, execution);
    }

    private void resumeBatch(TenantId tenantId, UUID jobId, BatchImportSteps.Candidate candidate) {
        if (!batchSteps.resume(tenantId, jobId)) {
            return;
        }
        if (candidate.executionId() == null) {
            startBatch(tenantId, jobId); // the server died between planning and starting
            return;
        }
        long execution;
        try {
            execution = batchJobs.resume(tenantId, candidate.executionId(), candidate.stalled());
        } catch (RuntimeException e) {
            // the execution cannot be carried on (gone, or started by an earlier deployment): a new one reads the
            // windows from their checkpoints just the same
            LOG.warning(() -> "Batch execution " + candidate.executionId() + " of job " + jobId + " cannot be resumed ("
                    + e.getMessage() + "): starting a new one");
            startBatch(tenantId, jobId);
            return;
        }
        if (execution != candidate.executionId()) {
            batchSteps.attachExecution(tenantId, jobId, execution);
        }
    }

    /**
     * Windows of equal size: the provider's list ordered by modification time, probed one row at a time at each
     * quantile (page q of page size 1 is row q). Empty when the sync is too small for a batch import, or a probe
     * failed: the queue workers then read it.
     */
    private Optional<Windows> windows(TenantId tenantId, BatchImportSteps.Candidate candidate) {
        Optional<LedgerGateway.LedgerPage> first = probe(tenantId, candidate, 1);
        if (first.isEmpty() || first.get().itemCount() == null || first.get().itemCount() < batchThreshold) {
            return Optional.empty();
        }
        long itemCount = first.get().itemCount();
        int count = (int) Math.max(1, Math.min(parallelWindows, itemCount / ((long) pageSize * 4)));
        List<SyncPartition> windows = new ArrayList<>();
        Instant after = null;
        for (int i = 1; i <= count; i++) {
            Instant until = null;
            if (i < count) {
                Optional<LedgerGateway.LedgerPage> quantile = probe(tenantId, candidate, (int) (itemCount * i / count));
                if (quantile.isEmpty() || quantile.get().latestModification() == null) {
                    return Optional.empty();
                }
                until = quantile.get().latestModification();
            }
            windows.add(SyncPartition.window(i - 1, after, until));
            after = until;
        }
        return Optional.of(new Windows(windows, itemCount));
    }

    /** Row {@code row} of the provider's list, alone on its page, waiting out the rate budget. */
    private Optional<LedgerGateway.LedgerPage> probe(TenantId tenantId, BatchImportSteps.Candidate candidate, int row) {
        for (int tries = 0; tries < 30; tries++) {
            PageFetcher.Fetched fetched = fetcher.fetch(tenantId, candidate.integrationId(), candidate.provider(),
                    candidate.entity(), null, row, 1);
            if (fetched instanceof PageFetcher.Page page) {
                return Optional.of(page.page());
            }
            if (!(fetched instanceof PageFetcher.Wait wait)) {
                LOG.warning(() -> "Probing for a batch import failed (" + fetched + "): reading page by page instead");
                return Optional.empty();
            }
            try {
                Thread.sleep(Math.max(50, wait.delay().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public void importPage(TenantId tenantId, UUID jobId, int step) {
        Optional<PageWork> claimed = steps.claimPage(tenantId, jobId, step);
        if (claimed.isEmpty()) {
            LOG.fine(() -> "Stale import message for job " + jobId + " step " + step + ": dropped");
            return;
        }
        PageWork work = claimed.get();
        PageFetcher.Fetched fetched = fetcher.fetch(tenantId, work.integrationId(), work.provider(), work.entity(),
                work.since(), work.page());
        if (fetched instanceof PageFetcher.Page page) {
            steps.commitPage(tenantId, jobId, step, work, page.page(),
                    enrichment.forPage(tenantId, page.page().transactions()));
        } else if (fetched instanceof PageFetcher.Wait wait) {
            steps.postpone(tenantId, jobId, step, wait.delay(), wait.providerRefused());
        } else if (fetched instanceof PageFetcher.Transient failure) {
            steps.failAttempt(tenantId, jobId, step, failure.error());
        } else if (fetched instanceof PageFetcher.Permanent failure) {
            steps.fail(tenantId, jobId, step, failure.error());
        }
    }
}
