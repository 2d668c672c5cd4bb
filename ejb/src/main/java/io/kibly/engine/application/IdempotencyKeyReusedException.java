package io.kibly.engine.application;

/** The Idempotency-Key was already used for a different request (HTTP 422). */
public class IdempotencyKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(String message) {
        super(message);
    }
}
