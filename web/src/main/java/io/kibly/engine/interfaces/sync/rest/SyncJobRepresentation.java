package io.kibly.engine.interfaces.sync.rest;

import io.kibly.engine.domain.model.sync.SyncJob;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A sync job as the API shows it: what was asked, where it stands, what it did, and why it failed. */
public record SyncJobRepresentation(UUID id, UUID integrationId, String syncType, String trigger, String status,
        int priority, LocalDate dateFrom, LocalDate dateTo, String requestedBy, Progress progress, Counts counts,
        int attempts, int retries, int throttled, String lastError, Instant createdAt, Instant startedAt, Instant finishedAt,
        Instant heartbeatAt, Instant nextAttemptAt, Batch batch, long version) {

    /** Set when the job runs as a batch import: its windows read in parallel, its Jakarta Batch execution. */
    public record Batch(int windows, Long executionId) {
    }

    /** Pages fetched and transactions processed so far ({@code total} when the provider said). */
    public record Progress(int pagesFetched, long processed, Long total) {
    }

    /** What the committed pages did; {@code unchanged} counts rows already stored at that version. */
    public record Counts(long imported, long updated, long deleted, long unchanged, long failed) {
    }

    public static SyncJobRepresentation of(SyncJob job) {
        return new SyncJobRepresentation(job.id(), job.integrationId(), job.type().name(), job.trigger().name(),
                job.status().name(), job.priority(), job.dateFrom().orElse(null), job.dateTo().orElse(null),
                job.requestedBy(), new Progress(job.pagesFetched(), job.processed(), job.totalKnown().orElse(null)),
                new Counts(job.imported(), job.updated(), job.deleted(), job.unchanged(), job.failed()),
                job.attempts(), job.retries(), job.throttled(), job.lastError().orElse(null), job.createdAt(),
                job.startedAt().orElse(null), job.finishedAt().orElse(null), job.heartbeatAt().orElse(null),
                job.nextAttemptAt().orElse(null), job.batchPartitions()
                        .map(windows -> new Batch(windows, job.batchExecutionId().orElse(null))).orElse(null),
                job.version());
    }
}
