package io.kibly.sandbox.config;

import java.time.Duration;

/** Xero's published rate limits; every figure can be changed so tests need not make 5,000 calls. */
public record XeroLimits(int perMinute, int perDay, int concurrent, int appPerMinute,
                         Duration minuteWindow, Duration dayWindow) {

    public static XeroLimits asPublished() {
        return new XeroLimits(60, 5_000, 5, 10_000, Duration.ofMinutes(1), Duration.ofDays(1));
    }

    public XeroLimits {
        requirePositive(perMinute, "perMinute");
        requirePositive(perDay, "perDay");
        requirePositive(concurrent, "concurrent");
        requirePositive(appPerMinute, "appPerMinute");
        if (minuteWindow.isNegative() || minuteWindow.isZero() || dayWindow.isNegative() || dayWindow.isZero()) {
            throw new IllegalArgumentException("rate limit windows must be positive");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
