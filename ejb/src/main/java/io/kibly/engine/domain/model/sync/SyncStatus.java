package io.kibly.engine.domain.model.sync;

/** A sync's lifecycle. The last three are final. */
public enum SyncStatus {
    QUEUED,
    RUNNING,
    /** A transient failure: the job waits for its next attempt (its message is on the queue with a delay). */
    RETRY_SCHEDULED,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
