package io.kibly.engine.application;

/** The integration cannot be synced in its current state (not connected, needs re-authorisation, disconnected). */
public class IntegrationNotReadyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IntegrationNotReadyException(String message) {
        super(message);
    }
}
