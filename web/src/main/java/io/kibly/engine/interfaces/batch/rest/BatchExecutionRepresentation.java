package io.kibly.engine.interfaces.batch.rest;

import io.kibly.engine.application.BatchExecution;
import java.time.Instant;

/** A batch job execution as the API shows it. */
public record BatchExecutionRepresentation(long executionId, String jobName, String batchStatus, String exitStatus,
        Instant createdAt, Instant startedAt, Instant endedAt) {

    static BatchExecutionRepresentation of(BatchExecution execution) {
        return new BatchExecutionRepresentation(execution.executionId(), execution.jobName(), execution.batchStatus(),
                execution.exitStatus(), execution.createdAt(), execution.startedAt(), execution.endedAt());
    }
}
