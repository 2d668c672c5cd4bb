package io.kibly.engine.infrastructure.provider.ledger;

import static io.kibly.engine.infrastructure.provider.ledger.PayloadFields.decimal;
import static io.kibly.engine.infrastructure.provider.ledger.PayloadFields.object;
import static io.kibly.engine.infrastructure.provider.ledger.PayloadFields.objects;
import static io.kibly.engine.infrastructure.provider.ledger.PayloadFields.string;
import static io.kibly.engine.infrastructure.provider.ledger.PayloadFields.typeOf;

import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import io.kibly.engine.domain.model.transaction.MoneyDirection;
import io.kibly.engine.domain.model.transaction.ProviderDeletion;
import io.kibly.engine.domain.model.transaction.TransactionStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * QuickBooks Online Purchases (money out, or in for a credit-card refund) and Deposits (money in) into
 * {@link LedgerTransaction}s, with provider ids {@code Purchase:42} / {@code Deposit:42} since QBO ids of different
 * entities collide.
 */
public final class QuickBooksEntities {

    private static final List<String> ENTITIES = List.of("Purchase", "Deposit");

    /** What one change-data-capture response reported: changed entities and deleted ones. */
    public record CdcChanges(List<LedgerTransaction> changed, List<ProviderDeletion> deleted) {
        public CdcChanges {
            changed = List.copyOf(changed);
            deleted = List.copyOf(deleted);
        }
    }

    private QuickBooksEntities() {
    }

    /** The {@code entity} rows of a query response; none when QBO answers {@code "QueryResponse": {}}. */
    public static List<LedgerTransaction> fromQueryResponse(JsonObject response, String entity, String homeCurrency) {
        requireKnown(entity);
        JsonObject result = required(response.get("QueryResponse") instanceof JsonObject o ? o : null, "QueryResponse");
        return objects(result, entity).stream().map(json -> fromJson(entity, json, homeCurrency)).toList();
    }

    /**
     * One Purchase or Deposit; {@code homeCurrency} is the company's currency, used when the entity has no
     * CurrencyRef (companies without multicurrency). Throws IllegalArgumentException naming a missing field.
     */
    public static LedgerTransaction fromJson(String entity, JsonObject json, String homeCurrency) {
        boolean purchase = requireKnown(entity).equals("Purchase");
        String id = entity + ":" + requiredString(json, "Id");
        String paymentType = purchase ? string(json, "PaymentType") : null;
        String type = paymentType == null || paymentType.isBlank() ? entity : entity + ":" + paymentType;
        boolean refund = purchase && typeOf(json.get("Credit")) == ValueType.TRUE;
        MoneyDirection direction = purchase && !refund ? MoneyDirection.OUT : MoneyDirection.IN;
        long version = parse(requiredString(json, "SyncToken"), "SyncToken", Long::parseLong);
        BigDecimal total = required(decimal(json, "TotalAmt"), "TotalAmt");
        String currency = string(object(json, "CurrencyRef"), "value");
        currency = required(currency == null || currency.isBlank() ? homeCurrency : currency, "CurrencyRef");
        JsonObject contact = purchase ? object(json, "EntityRef") : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject account = object(json, purchase ? "AccountRef" : "DepositToAccountRef");
        return new LedgerTransaction(id, version, lastUpdatedTime(json), type, direction, TransactionStatus.ACTIVE,
                parse(string(json, "TxnDate"), "TxnDate", LocalDate::parse), total, currency,
                baseCurrencyRate(decimal(json, "ExchangeRate")), description(json), string(json, "DocNumber"),
                string(contact, "value"), string(contact, "name"), string(account, "value"), string(account, "name"),
                false, firstLineAccount(json));
    }

    /**
     * A {@code GET /cdc} response: {@code CDCResponse[].QueryResponse[]} each holding one entity's array; an element
     * with {@code "status":"Deleted"} is a deletion, the others are changed Purchases or Deposits.
     */
    public static CdcChanges fromCdcResponse(JsonObject response, String homeCurrency) {
        required(response.get("CDCResponse"), "CDCResponse");
        List<LedgerTransaction> changed = new ArrayList<>();
        List<ProviderDeletion> deleted = new ArrayList<>();
        for (JsonObject cdc : objects(response, "CDCResponse")) {
            for (JsonObject result : objects(cdc, "QueryResponse")) {
                for (String entity : ENTITIES) {
                    for (JsonObject json : objects(result, entity)) {
                        if ("Deleted".equalsIgnoreCase(string(json, "status"))) {
                            deleted.add(new ProviderDeletion(entity + ":" + requiredString(json, "Id"),
                                    lastUpdatedTime(json)));
                        } else {
                            changed.add(fromJson(entity, json, homeCurrency));
                        }
                    }
                }
            }
        }
        return new CdcChanges(changed, deleted);
    }

    private static String requireKnown(String entity) {
        if (!ENTITIES.contains(entity)) {
            throw new IllegalArgumentException("not a QuickBooks entity the engine reads: " + entity);
        }
        return entity;
    }

    private static Instant lastUpdatedTime(JsonObject json) {
        String text = required(string(object(json, "MetaData"), "LastUpdatedTime"), "MetaData.LastUpdatedTime");
        return parse(text, "MetaData.LastUpdatedTime", t -> OffsetDateTime.parse(t).toInstant());
    }

    /** {@code text} through {@code parser}, null staying null; a value it rejects names {@code field}. */
    private static <T> T parse(String text, String field, Function<String, T> parser) {
        try {
            return text == null ? null : parser.apply(text.trim());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not valid: " + text, e);
        }
    }

    /** PrivateNote when given, else the first line's description. */
    /**
     * QuickBooks' ExchangeRate is home-currency units per unit of the transaction's currency; the engine keeps
     * Xero's way round (units of the currency per unit of the home currency), so it is inverted here.
     */
    private static BigDecimal baseCurrencyRate(BigDecimal exchangeRate) {
        return exchangeRate == null || exchangeRate.signum() <= 0 ? null
                : BigDecimal.ONE.divide(exchangeRate, 10, java.math.RoundingMode.HALF_EVEN);
    }

    /** The account the first line is coded to: an expense line's or a deposit line's AccountRef. */
    private static String firstLineAccount(JsonObject json) {
        return objects(json, "Line").stream()
                .map(line -> {
                    JsonObject detail = object(line, "AccountBasedExpenseLineDetail");
                    if (detail.isEmpty()) {
                        detail = object(line, "DepositLineDetail");
                    }
                    return string(object(detail, "AccountRef"), "value");
                })
                .filter(code -> code != null && !code.isBlank()).findFirst().orElse(null);
    }

    private static String description(JsonObject json) {
        String note = string(json, "PrivateNote");
        if (note != null && !note.isBlank()) {
            return note;
        }
        return objects(json, "Line").stream().map(line -> string(line, "Description"))
                .filter(d -> d != null && !d.isBlank()).findFirst().orElse(null);
    }

    private static String requiredString(JsonObject json, String field) {
        return required(string(json, field), field);
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException("QuickBooks JSON without " + field);
        }
        return value;
    }
}
