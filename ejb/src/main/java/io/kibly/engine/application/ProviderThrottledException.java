package io.kibly.engine.application;

import java.time.Duration;

/**
 * The provider refused a call over its rate limit (HTTP 429). Not a failure of the work: it is resumed after
 * {@link #retryAfter()} without spending one of its attempts.
 */
public class ProviderThrottledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public ProviderThrottledException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
