package io.kibly.sandbox.xero.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Xero's dates in the Microsoft JSON form {@code /Date(1476316800000+0000)/}; the offset is optional. */
public final class MicrosoftJsonDate {

    private static final Pattern FORM = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private MicrosoftJsonDate() {
    }

    public static String withOffset(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    public static String withOffset(LocalDate date) {
        return withOffset(date.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    public static String withoutOffset(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + ")/";
    }

    /** The milliseconds are UTC whatever the offset says; the offset only tells the zone it was shown in. */
    public static Instant parse(String text) {
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a Microsoft JSON date: " + text);
        }
        return Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
    }
}
