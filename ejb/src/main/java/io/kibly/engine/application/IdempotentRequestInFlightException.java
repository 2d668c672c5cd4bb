package io.kibly.engine.application;

/** The first request under this Idempotency-Key is still being processed (HTTP 409). */
public class IdempotentRequestInFlightException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotentRequestInFlightException(String message) {
        super(message);
    }
}
