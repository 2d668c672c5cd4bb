package io.kibly.sandbox.quickbooks;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the admin API's Purchase and Deposit drafts, in QBO's JSON shape. Id, SyncToken and MetaData are the
 * sandbox's to set and are ignored; TotalAmt is recomputed from the lines. Throws {@link
 * IllegalArgumentException} for what is missing or malformed.
 */
public final class QuickBooksEntityReader {

    private QuickBooksEntityReader() {
    }

    public static Purchase purchase(JsonObject json) {
        List<Purchase.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonObject line : lines(json)) {
            BigDecimal amount = amount(line);
            JsonObject detail = line.getJsonObject("AccountBasedExpenseLineDetail");
            Purchase.Ref account = detail == null ? new Purchase.Ref("15", "Office Expenses")
                    : ref(detail, "AccountRef");
            lines.add(new Purchase.Line(Integer.toString(lines.size() + 1), amount,
                    line.getString("Description", account.name()), account));
            total = total.add(amount);
        }
        String paymentType = json.getString("PaymentType", "Cash");
        if (!List.of("Cash", "Check", "CreditCard").contains(paymentType)) {
            throw new IllegalArgumentException("PaymentType must be Cash, Check or CreditCard");
        }
        return new Purchase(null, null, null, null, txnDate(json), currency(json), total, paymentType,
                json.containsKey("AccountRef") ? ref(json, "AccountRef") : new Purchase.Ref("35", "Checking"),
                json.containsKey("EntityRef") ? ref(json, "EntityRef") : new Purchase.Ref("30", "Books by Bessie"),
                lines, json.getString("PrivateNote", ""));
    }

    public static Deposit deposit(JsonObject json) {
        List<Deposit.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonObject line : lines(json)) {
            BigDecimal amount = amount(line);
            JsonObject detail = line.getJsonObject("DepositLineDetail");
            Purchase.Ref account = detail == null || !detail.containsKey("AccountRef")
                    ? new Purchase.Ref("79", "Sales of Product Income") : ref(detail, "AccountRef");
            Purchase.Ref customer = detail != null && detail.containsKey("Entity") ? ref(detail, "Entity") : null;
            lines.add(new Deposit.Line(Integer.toString(lines.size() + 1), amount,
                    line.getString("Description", account.name()), account, customer));
            total = total.add(amount);
        }
        if (!json.containsKey("DepositToAccountRef")) {
            throw new IllegalArgumentException("DepositToAccountRef is required");
        }
        return new Deposit(null, null, null, null, txnDate(json), currency(json), total,
                ref(json, "DepositToAccountRef"), lines, json.getString("PrivateNote", ""));
    }

    private static List<JsonObject> lines(JsonObject json) {
        if (!json.containsKey("Line") || json.getJsonArray("Line").isEmpty()) {
            throw new IllegalArgumentException("Line must hold at least one line");
        }
        List<JsonObject> lines = new ArrayList<>();
        for (JsonValue line : json.getJsonArray("Line")) {
            lines.add(line.asJsonObject());
        }
        return lines;
    }

    private static BigDecimal amount(JsonObject line) {
        JsonValue amount = line.get("Amount");
        if (!(amount instanceof JsonNumber number)) {
            throw new IllegalArgumentException("every line needs a numeric Amount");
        }
        return number.bigDecimalValue().setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static Purchase.Ref ref(JsonObject json, String field) {
        JsonObject ref = json.getJsonObject(field);
        if (ref == null || !ref.containsKey("value")) {
            throw new IllegalArgumentException(field + " needs a value");
        }
        return new Purchase.Ref(ref.getString("value"), ref.getString("name", ""));
    }

    private static LocalDate txnDate(JsonObject json) {
        try {
            return json.containsKey("TxnDate") ? LocalDate.parse(json.getString("TxnDate"))
                    : LocalDate.of(2026, 1, 1);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("TxnDate must be yyyy-MM-dd");
        }
    }

    private static String currency(JsonObject json) {
        JsonObject ref = json.getJsonObject("CurrencyRef");
        return ref == null ? "USD" : ref.getString("value", "USD");
    }
}
