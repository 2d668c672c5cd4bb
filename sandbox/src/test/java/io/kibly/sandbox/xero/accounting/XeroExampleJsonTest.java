package io.kibly.sandbox.xero.accounting;

import io.kibly.sandbox.xero.data.BankTransaction;
import io.kibly.sandbox.xero.data.LineAmountTypes;
import io.kibly.sandbox.xero.data.TransactionStatus;
import io.kibly.sandbox.xero.data.TransactionType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Xero's published GET /BankTransactions example (xero_accounting.yaml), with IsReconciled as a string. */
class XeroExampleJsonTest {

    private static JsonObject example() throws Exception {
        try (InputStream in = XeroExampleJsonTest.class.getResourceAsStream("/xero-bank-transactions-example.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    @Test
    void readsXerosExampleWithIsReconciledAsAString() throws Exception {
        JsonObject row = example().getJsonArray("BankTransactions").getJsonObject(0);
        assertEquals("false", row.getString("IsReconciled"));

        BankTransaction transaction = BankTransactionReader.read(row);
        assertEquals(UUID.fromString("db54aab0-ad40-4ced-bcff-0940ba20db2c"), transaction.bankTransactionId());
        assertEquals(TransactionType.RECEIVE, transaction.type());
        assertEquals(TransactionStatus.AUTHORISED, transaction.status());
        assertFalse(transaction.reconciled());
        assertTrue(transaction.hasAttachments());
        assertEquals(LineAmountTypes.Exclusive, transaction.lineAmountTypes());
        assertEquals(LocalDate.parse("2016-10-13"), transaction.date());
        assertEquals(Instant.ofEpochMilli(1476389616437L), transaction.updatedDateUtc());
        assertEquals("USD", transaction.currencyCode());
        assertEquals("sam", transaction.contact().name());
        assertEquals("088", transaction.bankAccount().code());
        assertEquals(UUID.fromString("cb62750f-b49c-464b-a45b-e2e2c514c8a9"), transaction.prepaymentId());
        assertEquals(new BigDecimal("0.00"), transaction.total(), "totals come from the (empty) lines");
    }

    @Test
    void oursHasTheSameEnvelopeKeysAsXerosPlusWarnings() throws Exception {
        JsonObject theirs = example();
        JsonObject ours = XeroJson.bankTransactionsEnvelope(UUID.randomUUID(), "Xero API Partner",
                Instant.ofEpochMilli(1551212901659L), 1, 100, 3, java.util.List.of());
        assertEquals(theirs.getString("DateTimeUTC"), ours.getString("DateTimeUTC"));
        assertEquals(theirs.getJsonObject("pagination"), ours.getJsonObject("pagination"));
        for (String key : theirs.keySet()) {
            assertTrue(ours.containsKey(key), key);
        }
    }

    @Test
    void writtenTransactionsReadBackUnchanged() {
        BankTransaction generated = new io.kibly.sandbox.xero.data.BankTransactionGenerator(1, "t").generate(3);
        assertEquals(generated, BankTransactionReader.read(XeroJson.bankTransaction(generated)));
    }
}
