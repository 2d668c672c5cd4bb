package io.kibly.sandbox.xero.ratelimit;

/** Which limit a refused call hit, as Xero names it in {@code X-Rate-Limit-Problem}. */
public enum RateLimitProblem {
    MINUTE("minute"), DAY("day"), CONCURRENT("concurrent"), APP_MINUTE("appminute");

    private final String headerValue;

    RateLimitProblem(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
