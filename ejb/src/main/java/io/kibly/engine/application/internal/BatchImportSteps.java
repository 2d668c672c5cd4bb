package io.kibly.engine.application.internal;

import io.kibly.engine.application.EngineEvents;
import io.kibly.engine.application.EnrichmentWorker;
import io.kibly.engine.application.LedgerGateway;
import io.kibly.engine.application.LedgerGateway.LedgerPage;
import io.kibly.engine.application.OutboundEvents;
import io.kibly.engine.application.SyncMessages;
import io.kibly.engine.application.SyncProgressFeed;
import io.kibly.engine.application.TenantScoped;
import io.kibly.engine.domain.model.integration.IntegrationRepository;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.domain.model.integration.UnknownIntegrationException;
import io.kibly.engine.domain.model.sync.PageOutcome;
import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.sync.SyncJobRepository;
import io.kibly.engine.domain.model.sync.SyncPartition;
import io.kibly.engine.domain.model.sync.SyncStatus;
import io.kibly.engine.domain.model.sync.SyncType;
import io.kibly.engine.domain.model.sync.UnknownSyncJobException;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.domain.model.transaction.LedgerRepository;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;

/**
 * The transactions of a batch import (a large FULL sync run as the {@code historical-import} Jakarta Batch job):
 * starting it over windows, storing a window's page with its checkpoint, completing or failing it. Each method is
 * one transaction, bound to the tenant; {@link #storeWindowPage} joins the batch chunk's transaction.
 */
@Stateless
@TenantScoped
public class BatchImportSteps {

    @Inject
    SyncJobRepository jobs;
    @Inject
    IntegrationRepository integrations;
    @Inject
    LedgerRepository ledger;
    @Inject
    LedgerGateway gateway;
    @Inject
    SyncMessages messages;
    @Inject
    OutboundEvents events;
    @Inject
    Clock clock;
    @Inject
    SyncLog log;
    @Inject
    RetryPolicy retries;
    @Inject
    EnrichmentWorker enrichments;
    @Inject
    Event<SyncProgressFeed.JobChanged> progress;
    @Inject
    Event<EngineEvents.PageStored> stored;

    /** A new FULL sync that may run as a batch import, or a batch import to take up again. */
    public record Candidate(UUID integrationId, Provider provider, String entity, boolean resume, Long executionId,
            boolean stalled) {
    }

    /** What a window's reader fetches next. */
    public record WindowWork(UUID integrationId, Provider provider, String entity, Instant since, int page) {
    }

    /** A fetched (and enriched) page of a window, on its way from the reader to the writer (a batch item). */
    public record WindowPage(UUID integrationId, Provider provider, int window, Instant since, int page,
            LedgerPage fetched, EnrichmentWorker.PageEnrichment enrichment) {
    }

    /**
     * Whether the job is (or may become) a batch import: a new FULL sync of the whole history of a provider
     * whose reads can be windowed by modification time, or a batch import that is queued again or stalled.
     */
    public Optional<Candidate> candidate(TenantId tenantId, UUID jobId) {
        SyncJob job = jobs.find(tenantId, jobId).orElse(null);
        if (job == null || job.status().isFinal()) {
            return Optional.empty();
        }
        Provider provider = provider(tenantId, job);
        String entity = gateway.entities(provider, false).get(0);
        if (job.runsAsBatch()) {
            // still RUNNING when the planner sees it again: the stalled-job timer found it silent
            return Optional.of(new Candidate(job.integrationId(), provider, entity, true,
                    job.batchExecutionId().orElse(null), job.status() == SyncStatus.RUNNING));
        }
        boolean wholeHistory = job.type() == SyncType.FULL && job.movesCursor() && job.status() == SyncStatus.QUEUED
                && job.startedAt().isEmpty() && provider == Provider.XERO;
        return wholeHistory ? Optional.of(new Candidate(job.integrationId(), provider, entity, false, null, false))
                : Optional.empty();
    }

    /** The job becomes a batch import over these windows; false when it moved on meanwhile. */
    public boolean start(TenantId tenantId, UUID jobId, List<SyncPartition> windows, long itemCount) {
        SyncJob job = locked(tenantId, jobId);
        if (job.status() != SyncStatus.QUEUED || job.startedAt().isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        job.runAsBatch(windows.size(), itemCount, now);
        windows.forEach(window -> jobs.savePartition(tenantId, jobId, window, now));
        log.event(Level.INFO, "started", job, "batch import of " + itemCount + " transactions in " + windows.size()
                + " windows");
        events.syncStarted(job);
        changed(job);
        return true;
    }

    /** Takes a queued (retried) batch import up again; false when there is nothing to resume. */
    public boolean resume(TenantId tenantId, UUID jobId) {
        SyncJob job = locked(tenantId, jobId);
        if (!job.runsAsBatch() || job.status().isFinal()) {
            return false;
        }
        if (job.status() != SyncStatus.RUNNING) {
            job.resumeBatch(clock.instant());
            events.syncStarted(job);
            changed(job);
        }
        job.touch(clock.instant());
        return true;
    }

    public void attachExecution(TenantId tenantId, UUID jobId, long executionId) {
        SyncJob job = locked(tenantId, jobId);
        job.attachExecution(executionId, clock.instant());
        log.event(Level.INFO, "batch-execution", job, "execution " + executionId);
    }

    public List<SyncPartition> windows(TenantId tenantId, UUID jobId) {
        return jobs.partitions(tenantId, jobId);
    }

    /** Where the window's reader goes on; empty when the window is done or the job no longer runs. */
    public Optional<WindowWork> windowWork(TenantId tenantId, UUID jobId, int window) {
        SyncJob job = jobs.find(tenantId, jobId).orElse(null);
        if (job == null || job.status() != SyncStatus.RUNNING) {
            return Optional.empty();
        }
        SyncPartition partition = partition(tenantId, jobId, window);
        if (partition.done()) {
            return Optional.empty();
        }
        Provider provider = provider(tenantId, job);
        return Optional.of(new WindowWork(job.integrationId(), provider, gateway.entities(provider, false).get(0),
                partition.since(), partition.page()));
    }

    /**
     * Stores the window's rows of a fetched page through the same upsert as every import, and moves the window's
     * checkpoint with them. A page for a checkpoint that moved on (a retried chunk) is dropped.
     */
    public void storeWindowPage(TenantId tenantId, UUID jobId, WindowPage page) {
        // The windows write in parallel: the job's row is locked only at the end, to add the counts, so that the
        // windows' upserts do not queue behind one another's.
        if (jobs.status(tenantId, jobId).orElse(null) != SyncStatus.RUNNING) {
            return; // cancelled: the page in flight is dropped
        }
        SyncPartition partition = partition(tenantId, jobId, page.window());
        if (partition.done() || partition.page() != page.page()
                || !java.util.Objects.equals(partition.since(), page.since())) {
            return;
        }
        // a batch import reads the whole history (no date range): the window alone decides
        List<LedgerTransaction> rows = page.fetched().transactions().stream()
                .filter(t -> partition.holds(t.updatedAt())).toList();
        Instant now = clock.instant();
        LedgerRepository.Written written = ledger.write(tenantId, page.integrationId(), jobId, rows, List.of(),
                page.enrichment().byProviderId(), now);
        PageOutcome outcome = new PageOutcome(written.imported(), written.updated(), written.deleted(),
                written.unchanged(), page.fetched().transactions().size() - rows.size());
        jobs.savePartition(tenantId, jobId, partition.next(page.fetched().last(),
                page.fetched().latestModification(), written.imported()), now);
        SyncJob job = locked(tenantId, jobId);
        if (job.status() != SyncStatus.RUNNING) {
            return;
        }
        job.recordWindowPage(outcome, now);
        stored.fire(new EngineEvents.PageStored(page.provider(), outcome));
        if (outcome.processed() > 0) {
            events.transactionsImported(job, outcome);
        }
        events.syncProgressed(job);
        changed(job);
        enrichments.pageStored(tenantId, job.integrationId(), jobId, rows, written.changedIds(), page.enrichment());
    }

    /**
     * Every window read: the job completes, and the integration's incremental cursor starts a minute before the
     * import started (whatever changed since, the next incremental sync reads).
     */
    public void complete(TenantId tenantId, UUID jobId) {
        SyncJob job = locked(tenantId, jobId);
        if (job.status() != SyncStatus.RUNNING || jobs.partitions(tenantId, jobId).stream().anyMatch(p -> !p.done())) {
            return;
        }
        Instant now = clock.instant();
        job.completeBatch(now);
        Instant from = job.startedAt().orElse(now).minusSeconds(60);
        gateway.entities(provider(tenantId, job), true).forEach(entity ->
                jobs.moveCursor(tenantId, job.integrationId(), entity, from, now));
        log.event(Level.INFO, "completed", job, null);
        events.syncFinished(job);
        changed(job);
    }

    /** A permanent failure: the job ends FAILED with the reason (a retry can still resume it). */
    public void fail(TenantId tenantId, UUID jobId, String reason) {
        SyncJob job = locked(tenantId, jobId);
        if (job.status().isFinal()) {
            return;
        }
        job.fail(reason, clock.instant());
        log.event(Level.WARNING, "failed", job, reason);
        events.syncFinished(job);
        changed(job);
    }

    /**
     * The batch execution failed (a window ran out of retries: the provider or the database away for a while):
     * the job is taken up again after a backoff, restarting the execution from the windows' checkpoints, until
     * its attempts run out.
     */
    public void executionFailed(TenantId tenantId, UUID jobId, String reason) {
        SyncJob job = locked(tenantId, jobId);
        if (job.status() != SyncStatus.RUNNING) {
            return; // failed for good already, or cancelled
        }
        String error = reason + job.lastError().map(last -> " (" + last + ")").orElse("");
        java.time.Duration backoff = retries.backoff(job.attempts());
        if (job.failAttempt(error, backoff, retries.maxAttempts(), clock.instant())) {
            messages.planLater(tenantId, jobId, job.priority(), backoff);
            log.event(Level.WARNING, "retry-scheduled", job, error);
        } else {
            log.event(Level.WARNING, "failed", job, job.lastError().orElse(error));
            events.syncFinished(job);
        }
        changed(job);
    }

    /** A window's reader waits on the rate limits (a 429 when {@code providerRefused}): alive, not stalled. */
    public void waited(TenantId tenantId, UUID jobId, boolean providerRefused) {
        SyncJob job = locked(tenantId, jobId);
        job.touch(clock.instant());
        if (providerRefused) {
            job.countThrottled();
        }
    }

    /** A window's reader retries a passing failure. */
    public void retried(TenantId tenantId, UUID jobId, String error) {
        SyncJob job = locked(tenantId, jobId);
        job.touch(clock.instant());
        job.countRetry(error);
        changed(job);
    }

    private SyncPartition partition(TenantId tenantId, UUID jobId, int window) {
        return jobs.partitions(tenantId, jobId).stream().filter(p -> p.index() == window).findFirst()
                .orElseThrow(() -> new IllegalStateException("Job " + jobId + " has no window " + window));
    }

    private Provider provider(TenantId tenantId, SyncJob job) {
        return integrations.find(tenantId, job.integrationId())
                .orElseThrow(() -> new UnknownIntegrationException(job.integrationId())).provider();
    }

    private SyncJob locked(TenantId tenantId, UUID jobId) {
        return jobs.findLocked(tenantId, jobId).orElseThrow(() -> new UnknownSyncJobException(jobId));
    }

    private void changed(SyncJob job) {
        progress.fire(new SyncProgressFeed.JobChanged(job));
    }
}
