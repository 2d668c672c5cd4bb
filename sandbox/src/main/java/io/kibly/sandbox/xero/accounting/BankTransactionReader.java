package io.kibly.sandbox.xero.accounting;

import io.kibly.sandbox.xero.data.BankAccount;
import io.kibly.sandbox.xero.data.BankTransaction;
import io.kibly.sandbox.xero.data.Contact;
import io.kibly.sandbox.xero.data.LineAmountTypes;
import io.kibly.sandbox.xero.data.LineItem;
import io.kibly.sandbox.xero.data.MicrosoftJsonDate;
import io.kibly.sandbox.xero.data.TransactionStatus;
import io.kibly.sandbox.xero.data.TransactionType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a bank transaction in Xero's JSON shape. Lenient where Xero's own examples are: {@code IsReconciled} and
 * amounts may come as strings. Totals are recomputed from the lines so they always add up.
 */
public final class BankTransactionReader {

    private BankTransactionReader() {
    }

    public static BankTransaction read(JsonObject json) {
        try {
            TransactionType type = TransactionType.fromWireName(json.getString("Type"));
            LineAmountTypes amountTypes = LineAmountTypes.valueOf(json.getString("LineAmountTypes", "Exclusive"));
            List<LineItem> lines = new ArrayList<>();
            BigDecimal subTotal = BigDecimal.ZERO.setScale(2);
            BigDecimal totalTax = BigDecimal.ZERO.setScale(2);
            for (JsonValue value : json.getJsonArray("LineItems")) {
                JsonObject line = value.asJsonObject();
                BigDecimal quantity = decimal(line, "Quantity", BigDecimal.ONE);
                BigDecimal unitAmount = decimal(line, "UnitAmount", BigDecimal.ZERO);
                BigDecimal lineAmount = decimal(line, "LineAmount",
                        quantity.multiply(unitAmount)).setScale(2, RoundingMode.HALF_UP);
                BigDecimal tax = decimal(line, "TaxAmount", BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
                lines.add(new LineItem(uuid(line, "LineItemID", UUID.randomUUID()),
                        line.getString("Description", ""), quantity, unitAmount,
                        line.getString("AccountCode", ""), line.getString("TaxType", "NONE"), tax, lineAmount));
                totalTax = totalTax.add(tax);
                subTotal = subTotal.add(amountTypes == LineAmountTypes.Inclusive ? lineAmount.subtract(tax)
                        : lineAmount);
            }
            JsonObject contact = json.getJsonObject("Contact");
            JsonObject account = json.getJsonObject("BankAccount");
            return new BankTransaction(
                    uuid(json, "BankTransactionID", UUID.randomUUID()), type,
                    TransactionStatus.fromWireName(json.getString("Status", "AUTHORISED")),
                    new Contact(uuid(contact, "ContactID", UUID.randomUUID()), contact.getString("Name", "")),
                    new BankAccount(uuid(account, "AccountID", UUID.randomUUID()), account.getString("Code", ""),
                            account.getString("Name", "")),
                    lines, amountTypes, bool(json, "IsReconciled"), json.getString("Reference", ""),
                    json.getString("CurrencyCode", "GBP"),
                    // an explicit null keeps the transaction without a rate (as a response may come), absent is 1
                    json.containsKey("CurrencyRate") && json.isNull("CurrencyRate") ? null : decimal(json, "CurrencyRate", BigDecimal.ONE),
                    subTotal, totalTax, subTotal.add(totalTax), date(json),
                    json.containsKey("UpdatedDateUTC") ? MicrosoftJsonDate.parse(json.getString("UpdatedDateUTC"))
                            : Instant.EPOCH,
                    bool(json, "HasAttachments"),
                    json.containsKey("PrepaymentID") ? uuid(json, "PrepaymentID", null) : null,
                    json.containsKey("OverpaymentID") ? uuid(json, "OverpaymentID", null) : null);
        } catch (RuntimeException e) {
            throw XeroApiException.validation("Not a valid bank transaction: " + e.getMessage());
        }
    }

    private static LocalDate date(JsonObject json) {
        if (json.containsKey("Date")) {
            String date = json.getString("Date");
            return date.startsWith("/Date(") ? LocalDate.ofInstant(MicrosoftJsonDate.parse(date), ZoneOffset.UTC)
                    : LocalDate.parse(date.substring(0, Math.min(10, date.length())));
        }
        if (json.containsKey("DateString")) {
            return LocalDate.parse(json.getString("DateString").substring(0, 10));
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Xero's examples show booleans both as JSON booleans and as the strings "true" / "false". */
    static boolean bool(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (value instanceof JsonString text) {
            return Boolean.parseBoolean(text.getString().trim());
        }
        return value == JsonValue.TRUE;
    }

    private static BigDecimal decimal(JsonObject json, String name, BigDecimal fallback) {
        JsonValue value = json.get(name);
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        if (value instanceof JsonString text) {
            return new BigDecimal(text.getString().trim());
        }
        return fallback;
    }

    private static UUID uuid(JsonObject json, String name, UUID fallback) {
        return json.containsKey(name) ? UUID.fromString(json.getString(name)) : fallback;
    }
}
