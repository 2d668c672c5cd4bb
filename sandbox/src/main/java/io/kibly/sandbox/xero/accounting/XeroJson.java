package io.kibly.sandbox.xero.accounting;

import io.kibly.sandbox.json.JsonBuilders;
import io.kibly.sandbox.xero.data.BankTransaction;
import io.kibly.sandbox.xero.data.LineItem;
import io.kibly.sandbox.xero.data.MicrosoftJsonDate;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** Xero's JSON: PascalCase names, Microsoft dates, amounts as numbers with two decimals. */
public final class XeroJson {

    private static final DateTimeFormatter DATE_STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private XeroJson() {
    }

    public static JsonObject bankTransactionsEnvelope(UUID responseId, String providerName, Instant now,
                                                      int page, int pageSize, long itemCount,
                                                      List<BankTransaction> transactions) {
        long pageCount = (itemCount + pageSize - 1) / pageSize;
        JsonArrayBuilder rows = JsonBuilders.array();
        transactions.forEach(t -> rows.add(bankTransaction(t)));
        return JsonBuilders.object()
                .add("Id", responseId.toString())
                .add("Status", "OK")
                .add("ProviderName", providerName)
                .add("DateTimeUTC", MicrosoftJsonDate.withoutOffset(now))
                .add("pagination", JsonBuilders.object()
                        .add("page", page)
                        .add("pageSize", pageSize)
                        .add("pageCount", pageCount)
                        .add("itemCount", itemCount))
                .addNull("Warnings")
                .add("BankTransactions", rows)
                .build();
    }

    public static JsonObject bankTransaction(BankTransaction t) {
        JsonObjectBuilder json = JsonBuilders.object()
                .add("BankTransactionID", t.bankTransactionId().toString())
                .add("BankAccount", JsonBuilders.object()
                        .add("AccountID", t.bankAccount().accountId().toString())
                        .add("Code", t.bankAccount().code())
                        .add("Name", t.bankAccount().name()))
                .add("Type", t.type().wireName())
                .add("IsReconciled", t.reconciled());
        if (t.prepaymentId() != null) {
            json.add("PrepaymentID", t.prepaymentId().toString());
        }
        if (t.overpaymentId() != null) {
            json.add("OverpaymentID", t.overpaymentId().toString());
        }
        json.add("HasAttachments", t.hasAttachments())
                .add("Contact", JsonBuilders.object()
                        .add("ContactID", t.contact().contactId().toString())
                        .add("Name", t.contact().name()))
                .add("DateString", t.date().atStartOfDay().format(DATE_STRING))
                .add("Date", MicrosoftJsonDate.withOffset(t.date()))
                .add("Status", t.status().name())
                .add("LineAmountTypes", t.lineAmountTypes().name());
        JsonArrayBuilder lines = JsonBuilders.array();
        for (LineItem line : t.lineItems()) {
            lines.add(JsonBuilders.object()
                    .add("LineItemID", line.lineItemId().toString())
                    .add("Description", line.description())
                    .add("Quantity", line.quantity())
                    .add("UnitAmount", line.unitAmount())
                    .add("AccountCode", line.accountCode())
                    .add("TaxType", line.taxType())
                    .add("TaxAmount", line.taxAmount())
                    .add("LineAmount", line.lineAmount())
                    .add("Tracking", JsonBuilders.array()));
        }
        json.add("LineItems", lines)
                .add("Reference", t.reference())
                .add("CurrencyCode", t.currencyCode());
        if (t.currencyRate() != null) {
            json.add("CurrencyRate", t.currencyRate());
        }
        return json.add("SubTotal", t.subTotal())
                .add("TotalTax", t.totalTax())
                .add("Total", t.total())
                .add("UpdatedDateUTC", MicrosoftJsonDate.withOffset(t.updatedDateUtc()))
                .build();
    }

    public static JsonObject error(XeroApiException problem) {
        return JsonBuilders.object()
                .add("ErrorNumber", problem.errorNumber())
                .add("Type", problem.type())
                .add("Message", problem.getMessage())
                .add("Elements", JsonBuilders.array())
                .build();
    }
}
