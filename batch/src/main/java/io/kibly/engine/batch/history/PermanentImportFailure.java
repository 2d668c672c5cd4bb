package io.kibly.engine.batch.history;

/** A failure no retry of the chunk can mend (the provider refuses the request, the grant is gone). */
public class PermanentImportFailure extends RuntimeException {

    public PermanentImportFailure(String message) {
        super(message);
    }
}
