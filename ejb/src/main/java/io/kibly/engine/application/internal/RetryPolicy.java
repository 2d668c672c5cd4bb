package io.kibly.engine.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a page that failed in passing is tried again, by the queue workers and the batch import's windows alike:
 * a bounded number of attempts, each after an exponential backoff with jitter.
 */
@ApplicationScoped
public class RetryPolicy {

    /** Transient failures of one page tried this many times before the job fails. */
    @Inject
    @ConfigProperty(name = "kibly.sync.max-attempts", defaultValue = "6")
    int maxAttempts;
    /** The first retry's delay; each next one doubles, with jitter, up to the cap. */
    @Inject
    @ConfigProperty(name = "kibly.sync.backoff-base-ms", defaultValue = "2000")
    long backoffBaseMillis;
    @Inject
    @ConfigProperty(name = "kibly.sync.backoff-cap-ms", defaultValue = "300000")
    long backoffCapMillis;

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Full jitter: a random delay up to base × 2^attempt, capped, and at least half the base. */
    public Duration backoff(int previousAttempts) {
        long ceiling = Math.min(backoffCapMillis, backoffBaseMillis << Math.min(previousAttempts, 20));
        long floor = Math.min(backoffBaseMillis, ceiling) / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(Math.max(1, ceiling - floor)));
    }
}
