package io.kibly.sandbox.xero.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to "may this call run?". A granted call must {@link #release()} its concurrency slot when it ends;
 * the remaining counts are what the response's {@code X-*Limit-Remaining} headers carry.
 */
public final class RateLimitVerdict implements AutoCloseable {

    private final RateLimitProblem problem;
    private final long retryAfterSeconds;
    private final int dayRemaining;
    private final int minuteRemaining;
    private final int appMinuteRemaining;
    private final Runnable release;
    private boolean released;

    RateLimitVerdict(RateLimitProblem problem, long retryAfterSeconds, int dayRemaining, int minuteRemaining,
                     int appMinuteRemaining, Runnable release) {
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
        this.dayRemaining = dayRemaining;
        this.minuteRemaining = minuteRemaining;
        this.appMinuteRemaining = appMinuteRemaining;
        this.release = release;
    }

    public boolean granted() {
        return problem == null;
    }

    /** Null when granted. */
    public RateLimitProblem problem() {
        return problem;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-DayLimit-Remaining", Integer.toString(dayRemaining));
        headers.put("X-MinLimit-Remaining", Integer.toString(minuteRemaining));
        headers.put("X-AppMinLimit-Remaining", Integer.toString(appMinuteRemaining));
        if (!granted()) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
            headers.put("X-Rate-Limit-Problem", problem.headerValue());
        }
        return headers;
    }

    public synchronized void release() {
        if (!released) {
            released = true;
            release.run();
        }
    }

    @Override
    public void close() {
        release();
    }
}
