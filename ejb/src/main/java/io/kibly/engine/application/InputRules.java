package io.kibly.engine.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What every value from outside (REST, JMS commands, webhooks) must be before the engine stores or queries it,
 * whatever the field: text PostgreSQL can store, and dates and instants of a year both the database and the
 * engine represent. Each entry point asks these questions once, for all its fields, and names the field itself.
 */
public final class InputRules {

    /** The years accepted: PostgreSQL's date and timestamp types and ISO-8601 text without a sign agree on these. */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    public static final String UNSTORABLE_TEXT = "must not contain the character U+0000 or an unpaired surrogate";
    public static final String YEAR_RANGE = "must be in the years " + MIN_YEAR + " to " + MAX_YEAR;

    private static final Instant FIRST = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private InputRules() {
    }

    /**
     * Whether PostgreSQL can store the text as it is: no U+0000 (text columns refuse it: the statement fails)
     * and no unpaired UTF-16 surrogate (JSON's {@code "\ud800"}: UTF-8 cannot encode it, so the driver would
     * store a different character). Null is storable (absence is each field's own rule).
     */
    public static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static boolean representable(LocalDate date) {
        return date == null || (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR);
    }

    public static boolean representable(Instant instant) {
        return instant == null || (!instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST));
    }
}
