package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** QBO's JSON: PascalCase entities, {@code Ref}s as {value, name}, times with the company's offset. */
public final class QuickBooksJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter RESPONSE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private QuickBooksJson() {
    }

    /** An empty result is {@code "QueryResponse": {}}, without the counters, as QBO answers it. */
    public static JsonObject queryResponse(List<Purchase> purchases, long startPosition, Instant now) {
        return queryResponse("Purchase", purchases.stream().map(QuickBooksJson::purchase).toList(), startPosition,
                now);
    }

    public static JsonObject queryResponse(String entity, List<JsonObject> rows, long startPosition, Instant now) {
        return JsonBuilders.object().add("QueryResponse", entityResult(entity, rows, startPosition))
                .add("time", time(now)).build();
    }

    /**
     * {@code {"CDCResponse":[{"QueryResponse":[{"Purchase":[...],...},{"Deposit":[...],...}]}],"time"}}, one
     * element per asked entity in the order asked; an entity without changes is {@code {}}.
     */
    public static JsonObject cdcResponse(Map<String, List<JsonObject>> rowsByEntity, Instant now) {
        JsonArrayBuilder results = JsonBuilders.array();
        rowsByEntity.forEach((entity, rows) -> results.add(entityResult(entity, rows, 1)));
        return JsonBuilders.object()
                .add("CDCResponse", JsonBuilders.array().add(JsonBuilders.object().add("QueryResponse", results)))
                .add("time", time(now))
                .build();
    }

    /** How CDC reports a deleted entity. */
    public static JsonObject deleted(Deletion deletion) {
        return JsonBuilders.object()
                .add("domain", "QBO")
                .add("status", "Deleted")
                .add("Id", deletion.id())
                .add("MetaData", JsonBuilders.object().add("LastUpdatedTime",
                        TIME.format(deletion.deletedAt().atOffset(PurchaseGenerator.COMPANY_OFFSET))))
                .build();
    }

    public static JsonObject entity(QboEntity entity) {
        return entity instanceof Purchase p ? purchase(p) : deposit((Deposit) entity);
    }

    public static JsonObject deposit(Deposit d) {
        JsonArrayBuilder lines = JsonBuilders.array();
        int lineNum = 1;
        for (Deposit.Line line : d.lines()) {
            JsonObjectBuilder detail = JsonBuilders.object().add("AccountRef", ref(line.account()));
            if (line.customer() != null) {
                detail.add("Entity", ref(line.customer()).add("type", "CUSTOMER"));
            }
            lines.add(JsonBuilders.object()
                    .add("Id", line.id())
                    .add("LineNum", lineNum++)
                    .add("Description", line.description())
                    .add("Amount", line.amount())
                    .add("DetailType", "DepositLineDetail")
                    .add("DepositLineDetail", detail));
        }
        return JsonBuilders.object()
                .add("DepositToAccountRef", ref(d.depositToAccount()))
                .add("TotalAmt", d.totalAmt())
                .add("domain", "QBO")
                .add("sparse", false)
                .add("Id", d.id())
                .add("SyncToken", d.syncToken())
                .add("MetaData", JsonBuilders.object()
                        .add("CreateTime", TIME.format(d.createTime()))
                        .add("LastUpdatedTime", TIME.format(d.lastUpdatedTime())))
                .add("TxnDate", d.txnDate().toString())
                .add("CurrencyRef", JsonBuilders.object().add("value", d.currency())
                        .add("name", "United States Dollar"))
                .add("PrivateNote", d.privateNote())
                .add("Line", lines)
                .build();
    }

    private static JsonObjectBuilder entityResult(String entity, List<JsonObject> rows, long startPosition) {
        JsonObjectBuilder result = JsonBuilders.object();
        if (!rows.isEmpty()) {
            JsonArrayBuilder array = JsonBuilders.array();
            rows.forEach(array::add);
            result.add(entity, array).add("startPosition", startPosition).add("maxResults", rows.size());
        }
        return result;
    }

    public static JsonObject purchase(Purchase p) {
        JsonArrayBuilder lines = JsonBuilders.array();
        for (Purchase.Line line : p.lines()) {
            lines.add(JsonBuilders.object()
                    .add("Id", line.id())
                    .add("Description", line.description())
                    .add("Amount", line.amount())
                    .add("DetailType", "AccountBasedExpenseLineDetail")
                    .add("AccountBasedExpenseLineDetail", JsonBuilders.object()
                            .add("AccountRef", ref(line.expenseAccount()))
                            .add("BillableStatus", "NotBillable")
                            .add("TaxCodeRef", JsonBuilders.object().add("value", "NON"))));
        }
        return JsonBuilders.object()
                .add("AccountRef", ref(p.account()))
                .add("PaymentType", p.paymentType())
                .add("EntityRef", ref(p.vendor()).add("type", "Vendor"))
                .add("TotalAmt", p.totalAmt())
                .add("PurchaseEx", JsonBuilders.object().add("any", JsonBuilders.array()))
                .add("domain", "QBO")
                .add("sparse", false)
                .add("Id", p.id())
                .add("SyncToken", p.syncToken())
                .add("MetaData", JsonBuilders.object()
                        .add("CreateTime", TIME.format(p.createTime()))
                        .add("LastUpdatedTime", TIME.format(p.lastUpdatedTime())))
                .add("TxnDate", p.txnDate().toString())
                .add("CurrencyRef", JsonBuilders.object().add("value", p.currency())
                        .add("name", "United States Dollar"))
                .add("PrivateNote", p.privateNote())
                .add("Line", lines)
                .build();
    }

    /** {@code {"Fault":{"Error":[{Message, Detail, code, element}], "type"}, "time"}}. */
    public static JsonObject fault(String type, String code, String message, String detail, Instant now) {
        return JsonBuilders.object()
                .add("Fault", JsonBuilders.object()
                        .add("Error", JsonBuilders.array().add(JsonBuilders.object()
                                .add("Message", message)
                                .add("Detail", detail)
                                .add("code", code)
                                .add("element", "")))
                        .add("type", type))
                .add("time", time(now))
                .build();
    }

    private static JsonObjectBuilder ref(Purchase.Ref ref) {
        return JsonBuilders.object().add("value", ref.value()).add("name", ref.name());
    }

    private static String time(Instant now) {
        return RESPONSE_TIME.format(OffsetDateTime.ofInstant(now, PurchaseGenerator.COMPANY_OFFSET));
    }
}
