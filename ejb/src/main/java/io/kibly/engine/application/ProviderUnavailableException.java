package io.kibly.engine.application;

/** A provider could not be reached or answered with a server error; trying again later may work. */
public class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
