package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** QBO's JSON: PascalCase entities, {@code Ref}s as {value, name}, times with the company's offset. */
public final class QuickBooksJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter RESPONSE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private QuickBooksJson() {
    }

    /** An empty result is {@code "QueryResponse": {}}, without the counters, as QBO answers it. */
    public static JsonObject queryResponse(List<Purchase> purchases, long startPosition, Instant now) {
        JsonObjectBuilder response = JsonBuilders.object();
        if (!purchases.isEmpty()) {
            JsonArrayBuilder rows = JsonBuilders.array();
            purchases.forEach(p -> rows.add(purchase(p)));
            response.add("Purchase", rows).add("startPosition", startPosition).add("maxResults", purchases.size());
        }
        return JsonBuilders.object().add("QueryResponse", response).add("time", time(now)).build();
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
