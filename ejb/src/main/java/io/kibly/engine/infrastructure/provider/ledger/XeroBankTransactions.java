package io.kibly.engine.infrastructure.provider.ledger;

import static io.kibly.engine.infrastructure.provider.ledger.PayloadFields.decimal;
import static io.kibly.engine.infrastructure.provider.ledger.PayloadFields.object;
import static io.kibly.engine.infrastructure.provider.ledger.PayloadFields.objects;
import static io.kibly.engine.infrastructure.provider.ledger.PayloadFields.string;

import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import io.kibly.engine.domain.model.transaction.MoneyDirection;
import io.kibly.engine.domain.model.transaction.TransactionStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Xero's BankTransactions (Accounting API) into {@link LedgerTransaction}s; amounts never pass through double. */
public final class XeroBankTransactions {

    private static final Pattern MICROSOFT_DATE = Pattern.compile("/Date\\((-?\\d{1,18})([+-]\\d{4})?\\)/");

    /** What of a {@code GET /BankTransactions} answer the mapping reads (see {@link JsonShape}). */
    static final JsonShape ENVELOPE = JsonShape.keys(Map.of(
            "pagination", JsonShape.WHOLE,
            "BankTransactions", JsonShape.keys(Map.ofEntries(
                    Map.entry("BankTransactionID", JsonShape.WHOLE), Map.entry("UpdatedDateUTC", JsonShape.WHOLE),
                    Map.entry("Type", JsonShape.WHOLE), Map.entry("Status", JsonShape.WHOLE),
                    Map.entry("Date", JsonShape.WHOLE), Map.entry("DateString", JsonShape.WHOLE),
                    Map.entry("Total", JsonShape.WHOLE), Map.entry("CurrencyCode", JsonShape.WHOLE),
                    Map.entry("CurrencyRate", JsonShape.WHOLE), Map.entry("Reference", JsonShape.WHOLE),
                    Map.entry("IsReconciled", JsonShape.WHOLE),
                    Map.entry("Contact", JsonShape.keys(Map.of("ContactID", JsonShape.WHOLE, "Name", JsonShape.WHOLE))),
                    Map.entry("BankAccount", JsonShape.keys(Map.of("AccountID", JsonShape.WHOLE,
                            "Name", JsonShape.WHOLE))),
                    Map.entry("LineItems", JsonShape.keys(Map.of("Description", JsonShape.WHOLE,
                            "AccountCode", JsonShape.WHOLE)))))));

    private XeroBankTransactions() {
    }

    /** The {@code BankTransactions} of a {@code GET /BankTransactions} envelope; none when the array is absent. */
    public static List<LedgerTransaction> fromEnvelope(JsonObject envelope) {
        return objects(envelope, "BankTransactions").stream().map(XeroBankTransactions::fromJson).toList();
    }

    /** One BankTransaction; throws IllegalArgumentException naming the field when a required one is missing. */
    public static LedgerTransaction fromJson(JsonObject json) {
        String id = requiredString(json, "BankTransactionID");
        Instant updatedAt = parseMicrosoftDate(requiredString(json, "UpdatedDateUTC"));
        String type = requiredString(json, "Type");
        JsonObject contact = object(json, "Contact");
        JsonObject account = object(json, "BankAccount");
        return new LedgerTransaction(id, updatedAt.toEpochMilli(), updatedAt, type, direction(type),
                status(requiredString(json, "Status")), date(json), required(decimal(json, "Total"), "Total"),
                requiredString(json, "CurrencyCode"), decimal(json, "CurrencyRate"), firstLineDescription(json),
                string(json, "Reference"), string(contact, "ContactID"), string(contact, "Name"),
                string(account, "AccountID"), string(account, "Name"), reconciled(json), firstLineAccountCode(json));
    }

    /**
     * A Microsoft JSON date, {@code /Date(1476316800000+0000)/} with an optional offset. The milliseconds are UTC
     * whatever the offset says; the offset only tells the zone the date was shown in.
     */
    public static Instant parseMicrosoftDate(String text) {
        Matcher matcher = MICROSOFT_DATE.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a Microsoft JSON date: " + text);
        }
        return Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
    }

    private static MoneyDirection direction(String type) {
        if (!type.startsWith("RECEIVE") && !type.startsWith("SPEND")) {
            throw new IllegalArgumentException("unknown Xero BankTransaction Type: " + type);
        }
        return type.startsWith("RECEIVE") ? MoneyDirection.IN : MoneyDirection.OUT;
    }

    private static TransactionStatus status(String status) {
        return switch (status) {
            case "AUTHORISED" -> TransactionStatus.ACTIVE;
            case "DELETED" -> TransactionStatus.DELETED;
            case "VOIDED" -> TransactionStatus.VOIDED;
            default -> throw new IllegalArgumentException("unknown Xero BankTransaction Status: " + status);
        };
    }

    /** {@code Date} taken in UTC, else {@code DateString} ({@code 2016-10-13T00:00:00}); null when neither. */
    private static LocalDate date(JsonObject json) {
        String date = string(json, "Date");
        String dateString = string(json, "DateString");
        try {
            return date != null ? LocalDate.ofInstant(parseMicrosoftDate(date), ZoneOffset.UTC)
                    : dateString == null ? null : LocalDateTime.parse(dateString.trim()).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("DateString is not a date-time: " + dateString, e);
        }
    }

    private static String firstLineAccountCode(JsonObject json) {
        return objects(json, "LineItems").stream().map(line -> string(line, "AccountCode"))
                .filter(code -> code != null && !code.isBlank()).findFirst().orElse(null);
    }

    private static String firstLineDescription(JsonObject json) {
        return objects(json, "LineItems").stream().map(line -> string(line, "Description"))
                .filter(d -> d != null && !d.isBlank()).findFirst().orElse(null);
    }

    /** A JSON boolean or the string "true"/"false" (Xero's own examples use both); absent is false. */
    private static boolean reconciled(JsonObject json) {
        JsonValue value = json.get("IsReconciled");
        String text = value instanceof JsonString s ? s.getString().trim().toLowerCase(Locale.ROOT) : "" + value;
        return switch (text) {
            case "true" -> true;
            case "false", "null" -> false;
            default -> throw new IllegalArgumentException("IsReconciled is not a boolean: " + value);
        };
    }

    private static String requiredString(JsonObject json, String field) {
        return required(string(json, field), field);
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException("Xero BankTransaction without " + field);
        }
        return value;
    }
}
