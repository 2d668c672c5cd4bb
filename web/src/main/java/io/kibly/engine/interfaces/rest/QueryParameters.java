package io.kibly.engine.interfaces.rest;

import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;
import java.util.UUID;

/**
 * Parses query parameters that arrive as text. JAX-RS answers 404 when it cannot convert a query parameter
 * itself; parsing here answers 400 naming the parameter instead.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int intInRange(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException(name, "must be a whole number from " + min + " to " + max);
    }

    /** A cursor parameter: absent, or an id handed out as {@code next} by a previous page. */
    public static UUID cursor(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, "must be the `next` cursor of a previous page");
        }
    }

    /** A free-text filter: absent, or at most {@code maxLength} characters. */
    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidParameterException(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** An ISO-8601 instant such as {@code 2026-11-25T10:00:00Z}, or absent. */
    public static java.time.Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }

    /** A numeric cursor handed out as {@code next} by a previous page, or absent. */
    public static Long longCursor(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be the `next` cursor of a previous page");
        }
    }
}
