package io.kibly.engine.application;

/** The provider refused a request for good (a 4xx other than 401 and 429): retrying it cannot succeed. */
public class ProviderRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderRejectedException(String message) {
        super(message);
    }
}
