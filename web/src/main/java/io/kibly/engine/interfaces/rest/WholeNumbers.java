package io.kibly.engine.interfaces.rest;

import java.math.BigDecimal;

/**
 * A JSON number as a Java whole number, exactly or not at all: {@code 1e2} is 100, but {@code 1.9}, {@code 1e40}
 * and {@code 4294967297} for an {@code int} are refused. (JSON-B's defaults truncate the fraction and keep the
 * low 32 bits: {@code 4294967297} became 1.)
 */
final class WholeNumbers {

    /** More integer digits than any {@code long} has: refused before anything is computed from the exponent. */
    private static final int MAX_DIGITS = 19;

    private WholeNumbers() {
    }

    /** The number if it is a whole number from {@code min} to {@code max}, else null. */
    static Long exact(BigDecimal number, long min, long max) {
        if (number.signum() == 0) {
            return 0L;
        }
        // precision - scale: digits before the point; 1e999999999 must not become a billion-digit integer
        if (number.precision() - number.scale() > MAX_DIGITS) {
            return null;
        }
        BigDecimal whole = number.stripTrailingZeros();
        if (whole.scale() > 0) {
            return null; // a fraction
        }
        if (whole.compareTo(BigDecimal.valueOf(min)) < 0 || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
            return null;
        }
        return whole.longValueExact();
    }

    static String range(long min, long max) {
        return "must be a whole number from " + min + " to " + max;
    }
}
