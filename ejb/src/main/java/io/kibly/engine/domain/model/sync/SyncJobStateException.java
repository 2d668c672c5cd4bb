package io.kibly.engine.domain.model.sync;

/** The job is not in a state that allows what was asked (e.g. cancelling a completed job). */
public class SyncJobStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SyncJobStateException(String message) {
        super(message);
    }
}
