package io.kibly.engine.application;

import java.time.Instant;

/** What the batch runtime knows of one job execution. */
public record BatchExecution(long executionId, String jobName, String batchStatus, String exitStatus,
        Instant createdAt, Instant startedAt, Instant endedAt) {
}
