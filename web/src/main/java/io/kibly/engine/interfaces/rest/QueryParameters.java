package io.kibly.engine.interfaces.rest;

import io.kibly.engine.application.InputRules;
import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Parses query parameters that arrive as text. JAX-RS answers 404 when it cannot convert a query parameter
 * itself; parsing here answers 400 naming the parameter instead. Every parameter's text has already passed
 * {@link ParameterCheck}; dates and instants must also fall in the years {@link InputRules} allows (Java parses
 * {@code +999999999-12-31}, PostgreSQL cannot store it).
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

    /** A free-text filter (or header): absent, or at most {@code maxLength} characters PostgreSQL can store. */
    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidParameterException(name, "must be at most " + maxLength + " characters");
        }
        if (!InputRules.storable(value)) {
            throw new InvalidParameterException(name, InputRules.UNSTORABLE_TEXT);
        }
        return value;
    }

    /** An ISO-8601 instant such as {@code 2026-11-25T10:00:00Z} of the years 1 to 9999, or absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
        if (!InputRules.representable(instant)) {
            throw new InvalidParameterException(name, InputRules.YEAR_RANGE);
        }
        return instant;
    }

    /** An ISO-8601 date such as {@code 2024-01-31} of the years 1 to 9999, or absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be a date such as 2024-01-31");
        }
        if (!InputRules.representable(date)) {
            throw new InvalidParameterException(name, InputRules.YEAR_RANGE);
        }
        return date;
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
