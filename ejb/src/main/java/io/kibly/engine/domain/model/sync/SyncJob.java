package io.kibly.engine.domain.model.sync;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One sync of one integration. Workers move it page by page: each committed page adds its counts and moves the
 * checkpoint (entity, modified-since bound, page number) in the same transaction as the rows it wrote, and bumps
 * {@link #step()}; a message naming an older step is a replay and is ignored. That is what makes a redelivered
 * message, a retry or a resumed job fetch at most the one page that was not committed.
 */
@Entity
@Table(name = "sync_job")
public class SyncJob {

    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 9;

    @Id
    private UUID id;

    @Embedded
    private TenantId tenantId;

    @Column(name = "integration_id", nullable = false)
    private UUID integrationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "sync_type", nullable = false, length = 20)
    private SyncType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false, length = 20)
    private SyncTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SyncStatus status;

    @Column(nullable = false)
    private short priority;

    @Column(name = "date_from")
    private LocalDate dateFrom;

    @Column(name = "date_to")
    private LocalDate dateTo;

    @Column(name = "requested_by", nullable = false, length = 200)
    private String requestedBy;

    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    @Column(name = "request_hash", length = 64)
    private String requestHash;

    @Column(name = "pages_fetched", nullable = false)
    private int pagesFetched;
    @Column(nullable = false)
    private long processed;
    @Column(name = "total_known")
    private Long totalKnown;
    @Column(nullable = false)
    private long imported;
    @Column(nullable = false)
    private long updated;
    @Column(nullable = false)
    private long deleted;
    @Column(nullable = false)
    private long unchanged;
    @Column(nullable = false)
    private long failed;
    @Column(nullable = false)
    private int attempts;
    @Column(nullable = false)
    private int retries;
    @Column(nullable = false)
    private int throttled;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "entity_index", nullable = false)
    private short entityIndex;
    @Column(name = "page_since")
    private Instant pageSince;
    @Column(name = "page_number", nullable = false)
    private int pageNumber;
    @Column(nullable = false)
    private int step;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    /** Set when the job runs as a Jakarta Batch job: how many windows it reads in parallel. */
    @Column(name = "batch_partitions")
    private Short batchPartitions;
    @Column(name = "batch_execution_id")
    private Long batchExecutionId;

    @Version
    private long version;

    protected SyncJob() {
        // for JPA
    }

    public SyncJob(TenantId tenantId, UUID integrationId, SyncType type, SyncTrigger trigger, int priority,
            LocalDate dateFrom, LocalDate dateTo, String requestedBy, String idempotencyKey, String requestHash,
            Instant now) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be between 0 and 9");
        }
        if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
            throw new IllegalArgumentException("dateFrom must not be after dateTo");
        }
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.integrationId = Objects.requireNonNull(integrationId, "integrationId");
        this.type = Objects.requireNonNull(type, "type");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.priority = (short) priority;
        this.dateFrom = dateFrom;
        this.dateTo = dateTo;
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.status = SyncStatus.QUEUED;
        this.pageNumber = 1;
        this.createdAt = now;
    }

    /**
     * A worker takes the job up: QUEUED → RUNNING (the first time from the given modified-since bound), or
     * RETRY_SCHEDULED → RUNNING at its checkpoint.
     *
     * @return false when the job is final: there is nothing to do
     */
    public boolean run(Instant firstSince, Instant now) {
        if (status.isFinal()) {
            return false;
        }
        if (status == SyncStatus.QUEUED && step == 0 && startedAt == null) {
            pageSince = firstSince;
            startedAt = now;
        }
        status = SyncStatus.RUNNING;
        heartbeatAt = now;
        nextAttemptAt = null;
        return true;
    }

    /** Whether a message for {@code messageStep} is current (not a replay of a committed page). */
    public boolean isAt(int messageStep) {
        return status == SyncStatus.RUNNING && step == messageStep;
    }

    /** Whether transactions dated {@code date} belong to this job (its date range, when it has one). */
    public boolean covers(LocalDate date) {
        if (date == null) {
            return dateFrom == null && dateTo == null;
        }
        return (dateFrom == null || !date.isBefore(dateFrom)) && (dateTo == null || !date.isAfter(dateTo));
    }

    /** A job limited to a date range reads only part of the history: it must not move the incremental cursor. */
    public boolean movesCursor() {
        return dateFrom == null && dateTo == null;
    }

    /**
     * A page was stored: adds its counts and moves the checkpoint past it (within an entity by {@link NextPage}).
     *
     * @param lastOfEntity       no further page of this entity
     * @param latestModification the newest modification on the page (null when empty)
     * @param entityCount        how many entities the sync reads
     * @param nextEntitySince    where the next entity starts (its cursor, or null)
     * @return the entity's new cursor (the bound the next page starts from), or null when it did not move
     */
    public Instant recordPage(PageOutcome outcome, boolean lastOfEntity, Instant latestModification, int entityCount,
            Instant nextEntitySince, Instant now) {
        count(outcome, now);
        attempts = 0;
        step++;
        NextPage next = NextPage.after(pageSince, pageNumber, latestModification);
        Instant cursor = next.moved() ? next.since() : null;
        if (lastOfEntity) {
            entityIndex++;
            pageNumber = 1;
            pageSince = nextEntitySince;
            if (entityIndex >= entityCount) {
                status = SyncStatus.COMPLETED;
                finishedAt = now;
            }
        } else {
            pageSince = next.since();
            pageNumber = next.page();
        }
        return cursor;
    }

    /** The provider throttled us or the budget said wait: resume at {@code resumeAt}, no attempt spent. */
    public void waitForRateLimit(Instant resumeAt, boolean providerRefused, Instant now) {
        requireRunning();
        if (providerRefused) {
            throttled++;
        }
        heartbeatAt = now;
        nextAttemptAt = resumeAt;
    }

    /**
     * A transient failure: counts an attempt and schedules the next one after {@code backoff}, or fails the job
     * when it was the last allowed.
     *
     * @return whether another attempt is scheduled
     */
    public boolean failAttempt(String error, Duration backoff, int maxAttempts, Instant now) {
        requireRunning();
        attempts++;
        retries++;
        lastError = error;
        heartbeatAt = now;
        if (attempts >= maxAttempts) {
            fail("Gave up after " + attempts + " attempts: " + error, now);
            return false;
        }
        status = SyncStatus.RETRY_SCHEDULED;
        nextAttemptAt = now.plus(backoff);
        return true;
    }

    /** A permanent failure: the job ends FAILED with the reason in plain words. */
    public void fail(String reason, Instant now) {
        status = SyncStatus.FAILED;
        lastError = reason;
        finishedAt = now;
        nextAttemptAt = null;
    }

    /** Ends the job: a page being fetched right now is discarded when it arrives; committed pages stay. */
    public void cancel(Instant now) {
        if (status.isFinal()) {
            throw new SyncJobStateException("The job is already " + status);
        }
        status = SyncStatus.CANCELLED;
        finishedAt = now;
        nextAttemptAt = null;
    }

    /** Queues a failed or cancelled job again; it resumes from its checkpoint. */
    public void retry(Instant now) {
        if (status != SyncStatus.FAILED && status != SyncStatus.CANCELLED) {
            throw new SyncJobStateException("Only a failed or cancelled job can be retried; this one is " + status);
        }
        status = SyncStatus.QUEUED;
        attempts = 0;
        finishedAt = null;
        nextAttemptAt = null;
        heartbeatAt = now;
    }

    /** The worker of a stalled job died: its checkpoint is the truth, so it is simply run again. */
    public void markResumed(Instant now) {
        heartbeatAt = now;
        nextAttemptAt = null;
        if (status == SyncStatus.RETRY_SCHEDULED) {
            status = SyncStatus.RUNNING;
        }
    }

    /**
     * The job runs as a batch import of {@code partitions} windows (a large FULL sync): QUEUED → RUNNING, its
     * progress counted by {@link #recordWindowPage}, its checkpoints kept per partition.
     */
    public void runAsBatch(int partitions, long itemCount, Instant now) {
        if (status != SyncStatus.QUEUED || startedAt != null) {
            throw new SyncJobStateException("Only a new job can run as a batch import; this one is " + status);
        }
        batchPartitions = (short) partitions;
        totalKnown = itemCount;
        startedAt = now;
        status = SyncStatus.RUNNING;
        heartbeatAt = now;
    }

    public boolean runsAsBatch() {
        return batchPartitions != null;
    }

    /** The batch execution now carrying the job (a restart creates a new one). */
    public void attachExecution(long executionId, Instant now) {
        batchExecutionId = executionId;
        heartbeatAt = now;
    }

    /** A failed or cancelled batch import taken up again (after {@link #retry}), from its partitions' checkpoints. */
    public void resumeBatch(Instant now) {
        if (!runsAsBatch() || status.isFinal()) {
            throw new SyncJobStateException("Only a queued batch import can resume; this one is " + status);
        }
        status = SyncStatus.RUNNING;
        heartbeatAt = now;
        nextAttemptAt = null;
    }

    /** A page of one window was stored. */
    public void recordWindowPage(PageOutcome outcome, Instant now) {
        count(outcome, now);
    }

    /** A stored page's counts, by whichever path stored it. */
    private void count(PageOutcome outcome, Instant now) {
        requireRunning();
        pagesFetched++;
        processed += outcome.processed();
        imported += outcome.imported();
        updated += outcome.updated();
        deleted += outcome.deleted();
        unchanged += outcome.unchanged() + outcome.outOfRange();
        lastError = null;
        heartbeatAt = now;
    }

    /** Alive: a batch import waiting on the provider's limits shows it is not stalled. */
    public void touch(Instant now) {
        heartbeatAt = now;
    }

    /** Every window was read. */
    public void completeBatch(Instant now) {
        requireRunning();
        status = SyncStatus.COMPLETED;
        finishedAt = now;
    }

    /** A wait the provider imposed on a batch import (a 429), counted like the queue workers count theirs. */
    public void countThrottled() {
        throttled++;
    }

    /** A transient failure a batch partition retried. */
    public void countRetry(String error) {
        retries++;
        lastError = error;
    }

    public Optional<Integer> batchPartitions() {
        return Optional.ofNullable(batchPartitions).map(Short::intValue);
    }

    public Optional<Long> batchExecutionId() {
        return Optional.ofNullable(batchExecutionId);
    }

    private void requireRunning() {
        if (status != SyncStatus.RUNNING) {
            throw new SyncJobStateException("The job is " + status + ", not running");
        }
    }

    public UUID id() { return id; }
    public TenantId tenantId() { return tenantId; }
    public UUID integrationId() { return integrationId; }
    public SyncType type() { return type; }
    public SyncTrigger trigger() { return trigger; }
    public SyncStatus status() { return status; }
    public int priority() { return priority; }
    public Optional<LocalDate> dateFrom() { return Optional.ofNullable(dateFrom); }
    public Optional<LocalDate> dateTo() { return Optional.ofNullable(dateTo); }
    public String requestedBy() { return requestedBy; }
    public Optional<String> idempotencyKey() { return Optional.ofNullable(idempotencyKey); }
    public Optional<String> requestHash() { return Optional.ofNullable(requestHash); }
    public int pagesFetched() { return pagesFetched; }
    public long processed() { return processed; }
    public Optional<Long> totalKnown() { return Optional.ofNullable(totalKnown); }
    public long imported() { return imported; }
    public long updated() { return updated; }
    public long deleted() { return deleted; }
    public long unchanged() { return unchanged; }
    public long failed() { return failed; }
    public int attempts() { return attempts; }
    public int throttled() { return throttled; }
    /** Every transient failure of the job so far (a 429 is not one). */
    public int retries() { return retries; }
    public Optional<String> lastError() { return Optional.ofNullable(lastError); }
    public int entityIndex() { return entityIndex; }
    public Optional<Instant> pageSince() { return Optional.ofNullable(pageSince); }
    public int pageNumber() { return pageNumber; }
    public int step() { return step; }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> startedAt() { return Optional.ofNullable(startedAt); }
    public Optional<Instant> finishedAt() { return Optional.ofNullable(finishedAt); }
    public Optional<Instant> heartbeatAt() { return Optional.ofNullable(heartbeatAt); }
    public Optional<Instant> nextAttemptAt() { return Optional.ofNullable(nextAttemptAt); }
    public long version() { return version; }
}
