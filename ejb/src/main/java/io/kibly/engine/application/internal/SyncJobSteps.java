package io.kibly.engine.application.internal;

import io.kibly.engine.application.AuditService;
import io.kibly.engine.application.EnrichmentWorker;
import io.kibly.engine.application.IntegrationNotReadyException;
import io.kibly.engine.application.LedgerGateway;
import io.kibly.engine.application.LedgerGateway.LedgerPage;
import io.kibly.engine.application.SyncMessages;
import io.kibly.engine.application.SyncService.SyncRequest;
import io.kibly.engine.application.TenantScoped;
import io.kibly.engine.domain.model.audit.FieldChanges;
import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.integration.IntegrationRepository;
import io.kibly.engine.domain.model.integration.IntegrationStatus;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.domain.model.integration.UnknownIntegrationException;
import io.kibly.engine.domain.model.sync.PageOutcome;
import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.sync.SyncJobRepository;
import io.kibly.engine.domain.model.sync.SyncStatus;
import io.kibly.engine.domain.model.sync.SyncType;
import io.kibly.engine.domain.model.sync.UnknownSyncJobException;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.domain.model.transaction.LedgerRepository;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional steps of a sync (each its own transaction, bound to the tenant). A step that changes a job
 * holds its row lock, and every message it sends commits with it.
 */
@Stateless
@TenantScoped
public class SyncJobSteps {

    private static final String TARGET = "sync-job";

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
    AuditService audit;
    @Inject
    Clock clock;
    @Inject
    SyncLog log;
    @Inject
    jakarta.enterprise.event.Event<io.kibly.engine.application.SyncProgressFeed.JobChanged> progress;
    @Inject
    jakarta.enterprise.event.Event<io.kibly.engine.application.EngineEvents.PageStored> stored;
    @Inject
    io.kibly.engine.application.OutboundEvents events;

    @Inject
    RetryPolicy retries;
    @Inject
    EnrichmentWorker enrichments;

    /** What an import worker needs to fetch the job's next page. {@code toString} is safe to log. */
    public record PageWork(UUID integrationId, Provider provider, String entity, Instant since, int page, int priority) {
    }

    public Optional<SyncJob> byIdempotencyKey(TenantId tenantId, String key) {
        return jobs.byIdempotencyKey(tenantId, key);
    }

    public Optional<SyncJob> activeFor(TenantId tenantId, UUID integrationId) {
        return jobs.activeFor(tenantId, integrationId);
    }

    public SyncJob job(TenantId tenantId, UUID jobId) {
        return jobs.find(tenantId, jobId).orElseThrow(() -> new UnknownSyncJobException(jobId));
    }

    public List<SyncJob> jobs(TenantId tenantId, UUID integrationId, io.kibly.engine.domain.model.sync.SyncStatus status,
            UUID after, int limit) {
        return jobs.page(tenantId, integrationId, status, after, limit);
    }

    /** Creates the job and queues it for planning, in one transaction. */
    public SyncJob create(TenantId tenantId, String user, SyncRequest request, String idempotencyKey) {
        Integration integration = integrations.find(tenantId, request.integrationId())
                .orElseThrow(() -> new UnknownIntegrationException(request.integrationId()));
        if (integration.status() != IntegrationStatus.ACTIVE) {
            throw new IntegrationNotReadyException("The integration is " + integration.status()
                    + integration.statusReason().map(reason -> " (" + reason + ")").orElse("")
                    + ": only an ACTIVE integration can be synced");
        }
        SyncJob job = new SyncJob(tenantId, request.integrationId(), request.type(), request.trigger(),
                request.priority(), request.dateFrom(), request.dateTo(), user, idempotencyKey,
                idempotencyKey == null ? null : DefaultConnectionService.hash(request.fingerprint()), clock.instant());
        jobs.store(job);
        integration.acknowledgeSyncRequest(job.createdAt());
        messages.plan(tenantId, job.id(), job.priority());
        changed(job);
        audit.record(tenantId, "sync-job.started", TARGET, job.id().toString(), FieldChanges.none()
                .field("integrationId", null, request.integrationId()).field("type", null, request.type())
                .field("trigger", null, request.trigger()).field("priority", null, request.priority())
                .field("dateFrom", null, request.dateFrom()).field("dateTo", null, request.dateTo()));
        return job;
    }

    public SyncJob cancel(TenantId tenantId, UUID jobId) {
        SyncJob job = locked(tenantId, jobId);
        String before = job.status().name();
        job.cancel(clock.instant());
        changed(job);
        events.syncFinished(job);
        log.event(java.util.logging.Level.INFO, "cancelled", job, null);
        audit.record(tenantId, "sync-job.cancelled", TARGET, jobId.toString(),
                FieldChanges.none().field("status", before, job.status()));
        return job;
    }

    public SyncJob retry(TenantId tenantId, UUID jobId) {
        SyncJob job = locked(tenantId, jobId);
        jobs.activeFor(tenantId, job.integrationId()).ifPresent(active -> {
            throw new io.kibly.engine.domain.model.sync.SyncJobStateException(
                    "Another sync of the integration is active: " + active.id());
        });
        String before = job.status().name();
        job.retry(clock.instant());
        changed(job);
        messages.plan(tenantId, jobId, job.priority());
        audit.record(tenantId, "sync-job.retried", TARGET, jobId.toString(),
                FieldChanges.none().field("status", before, job.status()).field("step", null, job.step()));
        return job;
    }

    /** The planner takes the job up and queues its next page (its first, or the one after its checkpoint). */
    public void plan(TenantId tenantId, UUID jobId) {
        SyncJob job = jobs.findLocked(tenantId, jobId).orElse(null);
        if (job == null || job.status().isFinal() || job.status() == SyncStatus.RUNNING) {
            return; // gone, finished, or already planned (a redelivered plan message)
        }
        Provider provider = provider(tenantId, job);
        Instant firstSince = job.type() == SyncType.INCREMENTAL
                ? jobs.cursor(tenantId, job.integrationId(), entities(provider, job).get(0)) : null;
        job.run(firstSince, clock.instant());
        changed(job);
        events.syncStarted(job);
        log.event(java.util.logging.Level.INFO, "started", job, job.type() + " from " + firstSince);
        messages.importPage(tenantId, jobId, job.step(), job.priority(), Duration.ZERO);
    }

    /**
     * Claims the job's page {@code step} for an import worker, or answers empty when the message is stale (the
     * page was committed, the job was cancelled or finished).
     */
    public Optional<PageWork> claimPage(TenantId tenantId, UUID jobId, int step) {
        SyncJob job = jobs.findLocked(tenantId, jobId).orElse(null);
        if (job == null || job.step() != step || job.status().isFinal() || job.status() == SyncStatus.QUEUED) {
            return Optional.empty();
        }
        job.run(null, clock.instant());
        Provider provider = provider(tenantId, job);
        return Optional.of(new PageWork(job.integrationId(), provider, entities(provider, job).get(job.entityIndex()),
                job.pageSince().orElse(null), job.pageNumber(), job.priority()));
    }

    /**
     * Stores a fetched page, moves the checkpoint (and the integration's cursor) with it, and queues the next page
     * and the enrichment of what changed; all or nothing. A page arriving for a job that moved on is dropped.
     */
    public void commitPage(TenantId tenantId, UUID jobId, int step, PageWork work, LedgerPage page,
            EnrichmentWorker.PageEnrichment enrichment) {
        SyncJob job = jobs.findLocked(tenantId, jobId).orElse(null);
        if (job == null || !job.isAt(step)) {
            return;
        }
        List<LedgerTransaction> inRange = page.transactions().stream().filter(t -> job.covers(t.date())).toList();
        Instant now = clock.instant();
        LedgerRepository.Written written = ledger.write(tenantId, job.integrationId(), jobId, inRange,
                page.deletions(), enrichment.byProviderId(), now);
        PageOutcome outcome = new PageOutcome(written.imported(), written.updated(), written.deleted(),
                written.unchanged(), page.transactions().size() - inRange.size());
        List<String> entities = entities(work.provider(), job);
        int next = job.entityIndex() + 1;
        Instant nextEntitySince = page.last() && next < entities.size() && job.type() == SyncType.INCREMENTAL
                ? jobs.cursor(tenantId, job.integrationId(), entities.get(next)) : null;
        stored.fire(new io.kibly.engine.application.EngineEvents.PageStored(work.provider(), outcome));
        Instant cursor = job.recordPage(outcome, page.last(), page.latestModification(), entities.size(),
                nextEntitySince, now);
        if (cursor != null && job.movesCursor()) {
            jobs.moveCursor(tenantId, job.integrationId(), work.entity(), cursor, now);
        }
        if (job.status() == SyncStatus.COMPLETED && job.movesCursor()) {
            // the next sync's change feeds report what changed since this one started (a minute of overlap)
            Instant started = job.startedAt().orElse(now).minusSeconds(60);
            gateway.changeFeeds(work.provider()).forEach(feed ->
                    jobs.moveCursor(tenantId, job.integrationId(), feed, started, now));
        }
        if (outcome.processed() > 0) {
            events.transactionsImported(job, outcome);
        }
        if (job.status() == SyncStatus.RUNNING) {
            messages.importPage(tenantId, jobId, job.step(), job.priority(), Duration.ZERO);
            log.event(java.util.logging.Level.FINE, "page-stored", job, null);
            events.syncProgressed(job);
        } else {
            log.event(java.util.logging.Level.INFO, "completed", job, null);
            events.syncFinished(job);
        }
        changed(job);
        enrichments.pageStored(tenantId, job.integrationId(), jobId, inRange, written.changedIds(), enrichment);
    }

    /** The rate budget or the provider said wait: the same page again after {@code wait}, no attempt spent. */
    public void postpone(TenantId tenantId, UUID jobId, int step, Duration wait, boolean providerRefused) {
        SyncJob job = jobs.findLocked(tenantId, jobId).orElse(null);
        if (job == null || !job.isAt(step)) {
            return;
        }
        job.waitForRateLimit(clock.instant().plus(wait), providerRefused, clock.instant());
        changed(job);
        log.event(java.util.logging.Level.FINE, providerRefused ? "throttled" : "rate-budget-wait", job,
                "resumes in " + wait.toMillis() + " ms");
        messages.importPage(tenantId, jobId, step, job.priority(), wait);
    }

    /** A transient failure: the same page again after an exponential, jittered backoff, or FAILED at the bound. */
    public void failAttempt(TenantId tenantId, UUID jobId, int step, String error) {
        SyncJob job = jobs.findLocked(tenantId, jobId).orElse(null);
        if (job == null || !job.isAt(step)) {
            return;
        }
        Duration backoff = retries.backoff(job.attempts());
        if (job.failAttempt(error, backoff, retries.maxAttempts(), clock.instant())) {
            messages.importPage(tenantId, jobId, step, job.priority(), backoff);
            log.event(java.util.logging.Level.WARNING, "retry-scheduled", job, error);
        } else {
            log.event(java.util.logging.Level.WARNING, "failed", job, job.lastError().orElse(error));
            events.syncFinished(job);
        }
        changed(job);
    }

    /** A permanent failure: the job ends FAILED with the reason. */
    public void fail(TenantId tenantId, UUID jobId, int step, String reason) {
        SyncJob job = jobs.findLocked(tenantId, jobId).orElse(null);
        if (job != null && job.isAt(step)) {
            job.fail(reason, clock.instant());
            changed(job);
            events.syncFinished(job);
            log.event(java.util.logging.Level.WARNING, "failed", job, reason);
        }
    }

    /**
     * Puts a stalled job back on its queue (its worker died, or its message was lost): a queued job to the
     * planner, a running or waiting one to the import workers at its checkpoint. A job that moved since it was
     * found stalled is left alone.
     *
     * @return whether it was resumed
     */
    public boolean resumeStalled(TenantId tenantId, UUID jobId, Instant staleBefore) {
        SyncJob job = jobs.findLocked(tenantId, jobId).orElse(null);
        if (job == null || job.status().isFinal()) {
            return false;
        }
        if (job.status() == SyncStatus.QUEUED) {
            if (job.createdAt().isAfter(staleBefore) || job.heartbeatAt().map(h -> h.isAfter(staleBefore)).orElse(false)) {
                return false;
            }
            messages.plan(tenantId, jobId, job.priority());
            return true;
        }
        Instant lastSign = job.nextAttemptAt().orElse(job.heartbeatAt().orElse(job.createdAt()));
        if (lastSign.isAfter(staleBefore) || job.heartbeatAt().map(h -> h.isAfter(staleBefore)).orElse(false)) {
            return false;
        }
        job.markResumed(clock.instant());
        log.event(java.util.logging.Level.WARNING, "resumed-stalled", job, "no heartbeat since " + staleBefore);
        if (job.runsAsBatch()) {
            messages.plan(tenantId, jobId, job.priority()); // the planner carries its batch execution on
        } else {
            messages.importPage(tenantId, jobId, job.step(), job.priority(), Duration.ZERO);
        }
        return true;
    }

    /** Tells the live feed, once this transaction commits. */
    private void changed(SyncJob job) {
        progress.fire(new io.kibly.engine.application.SyncProgressFeed.JobChanged(job));
    }

    private List<String> entities(Provider provider, SyncJob job) {
        return gateway.entities(provider, job.type() == SyncType.INCREMENTAL);
    }

    private Provider provider(TenantId tenantId, SyncJob job) {
        return integrations.find(tenantId, job.integrationId())
                .orElseThrow(() -> new UnknownIntegrationException(job.integrationId())).provider();
    }

    private SyncJob locked(TenantId tenantId, UUID jobId) {
        return jobs.findLocked(tenantId, jobId).orElseThrow(() -> new UnknownSyncJobException(jobId));
    }
}
