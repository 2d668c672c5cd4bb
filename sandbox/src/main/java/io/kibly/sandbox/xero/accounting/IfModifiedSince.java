package io.kibly.sandbox.xero.accounting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The {@code If-Modified-Since} header as Xero accepts it: ISO date-time, with or without offset (without means
 * UTC, e.g. {@code 2019-11-12T00:00:00}), or the HTTP date form {@code Tue, 12 Nov 2019 00:00:00 GMT}.
 */
public final class IfModifiedSince {

    private IfModifiedSince() {
    }

    public static Instant parse(String header) {
        String value = header.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException notHttp) {
                    throw XeroApiException.validation("If-Modified-Since is not a date: " + header);
                }
            }
        }
    }
}
