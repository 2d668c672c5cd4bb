package io.kibly.engine.infrastructure.provider.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import io.kibly.engine.domain.model.transaction.MoneyDirection;
import io.kibly.engine.domain.model.transaction.ProviderDeletion;
import io.kibly.engine.domain.model.transaction.TransactionStatus;
import io.kibly.engine.infrastructure.provider.ledger.QuickBooksEntities.CdcChanges;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickBooksEntitiesTest {

    /** A Purchase as the sandbox's QuickBooksJson.purchase writes it (and QBO answers it). */
    private static final String PURCHASE = """
            {
              "AccountRef": {"value": "41", "name": "Mastercard"},
              "PaymentType": "CreditCard",
              "EntityRef": {"value": "56", "name": "Bob's Burger Joint", "type": "Vendor"},
              "TotalAmt": 1234.57,
              "PurchaseEx": {"any": []},
              "domain": "QBO",
              "sparse": false,
              "Id": "252",
              "SyncToken": "3",
              "MetaData": {"CreateTime": "2015-12-31T16:00:00-08:00", "LastUpdatedTime": "2016-01-01T00:05:00-08:00"},
              "TxnDate": "2015-12-31",
              "CurrencyRef": {"value": "USD", "name": "United States Dollar"},
              "PrivateNote": "",
              "Line": [
                {"Id": "1", "Description": "Team lunch", "Amount": 1234.57,
                 "DetailType": "AccountBasedExpenseLineDetail",
                 "AccountBasedExpenseLineDetail": {"AccountRef": {"value": "13", "name": "Meals and Entertainment"},
                   "BillableStatus": "NotBillable", "TaxCodeRef": {"value": "NON"}}}
              ]
            }
            """;

    /** A Purchase of a company without multicurrency: no CurrencyRef, no ExchangeRate. */
    private static final String CASH_PURCHASE_WITHOUT_CURRENCY = """
            {
              "AccountRef": {"value": "35", "name": "Petty Cash"},
              "PaymentType": "Cash",
              "EntityRef": {"value": "30", "name": "Books by Bessie", "type": "Vendor"},
              "TotalAmt": 20.50,
              "Id": "17",
              "SyncToken": "0",
              "MetaData": {"CreateTime": "2024-02-01T09:00:00-08:00", "LastUpdatedTime": "2024-02-01T09:00:00-08:00"},
              "TxnDate": "2024-02-01",
              "DocNumber": "1001",
              "PrivateNote": "Stamps",
              "Line": [{"Id": "1", "Description": "Postage", "Amount": 20.50}]
            }
            """;

    /** A Deposit as the sandbox's QuickBooksJson.deposit writes it, in a foreign currency. */
    private static final String DEPOSIT = """
            {
              "DepositToAccountRef": {"value": "35", "name": "Checking"},
              "TotalAmt": 98765432.10,
              "domain": "QBO",
              "sparse": false,
              "Id": "252",
              "SyncToken": "12",
              "MetaData": {"CreateTime": "2024-03-05T10:00:00-08:00", "LastUpdatedTime": "2024-03-06T11:30:15-08:00"},
              "TxnDate": "2024-03-05",
              "CurrencyRef": {"value": "EUR", "name": "Euro"},
              "ExchangeRate": 1.0825,
              "PrivateNote": "  ",
              "Line": [
                {"Id": "1", "LineNum": 1, "Description": "", "Amount": 65432.10, "DetailType": "DepositLineDetail",
                 "DepositLineDetail": {"AccountRef": {"value": "4", "name": "Services"},
                   "Entity": {"value": "3", "name": "Cool Cars", "type": "CUSTOMER"}}},
                {"Id": "2", "LineNum": 2, "Description": "Fleet contract", "Amount": 98700000.00,
                 "DetailType": "DepositLineDetail",
                 "DepositLineDetail": {"AccountRef": {"value": "4", "name": "Services"}}}
              ]
            }
            """;

    @Test
    void readsAPurchase() {
        LedgerTransaction purchase = QuickBooksEntities.fromJson("Purchase", json(PURCHASE), "GBP");

        assertEquals("Purchase:252", purchase.providerId());
        assertEquals(3, purchase.providerVersion());
        assertEquals(Instant.parse("2016-01-01T08:05:00Z"), purchase.updatedAt());
        assertEquals("Purchase:CreditCard", purchase.type());
        assertEquals(MoneyDirection.OUT, purchase.direction());
        assertEquals(TransactionStatus.ACTIVE, purchase.status());
        assertEquals(LocalDate.of(2015, 12, 31), purchase.date());
        assertEquals(new BigDecimal("1234.57"), purchase.total());
        assertEquals("USD", purchase.currency());
        assertNull(purchase.currencyRate());
        assertEquals("Team lunch", purchase.description());
        assertNull(purchase.reference());
        assertEquals("56", purchase.contactId());
        assertEquals("Bob's Burger Joint", purchase.contactName());
        assertEquals("41", purchase.accountId());
        assertEquals("Mastercard", purchase.accountName());
        assertFalse(purchase.reconciled());
    }

    @Test
    void aPurchaseWithoutCurrencyRefIsInTheHomeCurrency() {
        LedgerTransaction purchase = QuickBooksEntities.fromJson("Purchase", json(CASH_PURCHASE_WITHOUT_CURRENCY),
                "GBP");

        assertEquals("GBP", purchase.currency());
        assertEquals("Purchase:Cash", purchase.type());
        assertEquals(new BigDecimal("20.50"), purchase.total());
        assertEquals("Stamps", purchase.description());
        assertEquals("1001", purchase.reference());
        assertEquals(0, purchase.providerVersion());
        assertNull(purchase.currencyRate());
    }

    @Test
    void aCreditPurchaseIsARefundComingIn() {
        String refund = PURCHASE.replace("\"PaymentType\": \"CreditCard\",",
                "\"PaymentType\": \"CreditCard\", \"Credit\": true,");
        LedgerTransaction purchase = QuickBooksEntities.fromJson("Purchase", json(refund), "USD");

        assertEquals(MoneyDirection.IN, purchase.direction());
        assertEquals("Purchase:CreditCard", purchase.type());
        assertEquals(new BigDecimal("1234.57"), purchase.signedTotal());
        String notRefund = PURCHASE.replace("\"PaymentType\": \"CreditCard\",", "\"Credit\": false,");
        LedgerTransaction plain = QuickBooksEntities.fromJson("Purchase", json(notRefund), "USD");
        assertEquals(MoneyDirection.OUT, plain.direction());
        assertEquals("Purchase", plain.type());
    }

    @Test
    void readsADepositExactly() {
        LedgerTransaction deposit = QuickBooksEntities.fromJson("Deposit", json(DEPOSIT), "USD");

        assertEquals("Deposit:252", deposit.providerId());
        assertEquals(12, deposit.providerVersion());
        assertEquals(Instant.parse("2024-03-06T19:30:15Z"), deposit.updatedAt());
        assertEquals("Deposit", deposit.type());
        assertEquals(MoneyDirection.IN, deposit.direction());
        assertEquals(LocalDate.of(2024, 3, 5), deposit.date());
        assertEquals(new BigDecimal("98765432.10"), deposit.total());
        assertEquals(2, deposit.total().scale());
        assertEquals("EUR", deposit.currency());
        // ExchangeRate 1.0825 (USD per EUR) kept the engine's way round: EUR per USD, 1 / 1.0825
        assertEquals(new BigDecimal("0.9237875289"), deposit.currencyRate());
        assertEquals("Fleet contract", deposit.description());
        assertNull(deposit.contactId());
        assertNull(deposit.contactName());
        assertEquals("35", deposit.accountId());
        assertEquals("Checking", deposit.accountName());
    }

    @Test
    void readsAQueryResponse() {
        JsonObject response = json("""
                {"QueryResponse": {"Purchase": [%s, %s], "startPosition": 1, "maxResults": 2},
                 "time": "2024-03-06T11:30:15.123-08:00"}
                """.formatted(PURCHASE, CASH_PURCHASE_WITHOUT_CURRENCY));

        List<LedgerTransaction> rows = QuickBooksEntities.fromQueryResponse(response, "Purchase", "USD");

        assertEquals(List.of("Purchase:252", "Purchase:17"), rows.stream().map(LedgerTransaction::providerId).toList());
        assertEquals(List.of(), QuickBooksEntities.fromQueryResponse(response, "Deposit", "USD"));
    }

    @Test
    void anEmptyQueryResponseHasNoRows() {
        JsonObject response = json("""
                {"QueryResponse": {}, "time": "2024-03-06T11:30:15.123-08:00"}
                """);
        assertEquals(List.of(), QuickBooksEntities.fromQueryResponse(response, "Purchase", "USD"));
        assertThrows(IllegalArgumentException.class,
                () -> QuickBooksEntities.fromQueryResponse(json("{\"time\": \"x\"}"), "Purchase", "USD"));
    }

    @Test
    void readsAChangeDataCaptureResponse() {
        JsonObject response = json("""
                {"CDCResponse": [{"QueryResponse": [
                  {"Purchase": [%s,
                     {"domain": "QBO", "status": "Deleted", "Id": "99",
                      "MetaData": {"LastUpdatedTime": "2024-03-07T08:00:00-08:00"}}],
                   "startPosition": 1, "maxResults": 2},
                  {"Deposit": [%s], "startPosition": 1, "maxResults": 1},
                  {}
                ]}], "time": "2024-03-07T09:00:00.000-08:00"}
                """.formatted(PURCHASE, DEPOSIT));

        CdcChanges changes = QuickBooksEntities.fromCdcResponse(response, "USD");

        assertEquals(List.of("Purchase:252", "Deposit:252"),
                changes.changed().stream().map(LedgerTransaction::providerId).toList());
        assertEquals(List.of(new ProviderDeletion("Purchase:99", Instant.parse("2024-03-07T16:00:00Z"))),
                changes.deleted());
    }

    @Test
    void aCdcResponseWithoutChangesIsEmpty() {
        CdcChanges changes = QuickBooksEntities.fromCdcResponse(json("""
                {"CDCResponse": [{"QueryResponse": [{}, {}]}], "time": "2024-03-07T09:00:00.000-08:00"}
                """), "USD");
        assertEquals(List.of(), changes.changed());
        assertEquals(List.of(), changes.deleted());
        assertThrows(IllegalArgumentException.class, () -> QuickBooksEntities.fromCdcResponse(json("{}"), "USD"));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        for (String field : List.of("Id", "SyncToken", "TotalAmt", "MetaData")) {
            JsonObject without = Json.createObjectBuilder(json(PURCHASE)).remove(field).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> QuickBooksEntities.fromJson("Purchase", without, "USD"));
            assertTrue(e.getMessage().contains(field), e.getMessage());
        }
        IllegalArgumentException noCurrency = assertThrows(IllegalArgumentException.class,
                () -> QuickBooksEntities.fromJson("Purchase", json(CASH_PURCHASE_WITHOUT_CURRENCY), null));
        assertTrue(noCurrency.getMessage().contains("CurrencyRef"), noCurrency.getMessage());
    }

    @Test
    void rejectsBadDatesTokensAndEntities() {
        assertMessage("2015-13-45", PURCHASE.replace("\"2015-12-31\"", "\"2015-13-45\""));
        assertMessage("01/01/2016", PURCHASE.replace("2016-01-01T00:05:00-08:00", "01/01/2016"));
        assertMessage("SyncToken", PURCHASE.replace("\"SyncToken\": \"3\"", "\"SyncToken\": \"three\""));
        assertThrows(IllegalArgumentException.class, () -> QuickBooksEntities.fromJson("JournalEntry",
                json(PURCHASE), "USD"));
        assertThrows(IllegalArgumentException.class, () -> QuickBooksEntities.fromQueryResponse(
                json("{\"QueryResponse\": {}}"), "Invoice", "USD"));
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuickBooksEntities.fromJson("Purchase", json(json), "USD"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
