package io.kibly.sandbox.faults;

/**
 * Rates are probabilities (0–1) per API call. The 503 rate is the older {@code faultRate} setting and lives with
 * the other settings; these are the rest. {@code seed} seeds the dice when the settings are applied.
 */
public record FaultSettings(double serverErrorRate, double unavailableRate, double slowRate, long slowMillis,
                            double timeoutRate, long timeoutMillis, double malformedRate, long seed) {

    public static final long DEFAULT_SLOW_MILLIS = 2_000;
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    public FaultSettings {
        requireRate("serverErrorRate", serverErrorRate);
        requireRate("unavailableRate", unavailableRate);
        requireRate("slowRate", slowRate);
        requireRate("timeoutRate", timeoutRate);
        requireRate("malformedRate", malformedRate);
        if (serverErrorRate + unavailableRate + timeoutRate + malformedRate > 1.0 + 1e-9) {
            throw new IllegalArgumentException("serverErrorRate + faultRate + timeoutRate + malformedRate "
                    + "must not exceed 1");
        }
        if (slowMillis < 0 || timeoutMillis < 0) {
            throw new IllegalArgumentException("slowMillis and timeoutMillis must not be negative");
        }
    }

    public static FaultSettings none(long seed) {
        return new FaultSettings(0, 0, 0, DEFAULT_SLOW_MILLIS, 0, DEFAULT_TIMEOUT_MILLIS, 0, seed);
    }

    public FaultSettings withUnavailableRate(double rate) {
        return new FaultSettings(serverErrorRate, rate, slowRate, slowMillis, timeoutRate, timeoutMillis,
                malformedRate, seed);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must lie between 0 and 1, was " + rate);
        }
    }
}
