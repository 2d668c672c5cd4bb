package io.kibly.engine.infrastructure.provider.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import io.kibly.engine.domain.model.transaction.MoneyDirection;
import io.kibly.engine.domain.model.transaction.TransactionStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class XeroBankTransactionsTest {

    /** The GET /BankTransactions example of Xero's OpenAPI spec (xero_accounting.yaml), trimmed to two rows. */
    private static final String SPEC_ENVELOPE = """
            {
              "Id": "18e7e80c-5dca-4a57-974e-8b572cc5efe8",
              "Status": "OK",
              "ProviderName": "Xero API Partner",
              "DateTimeUTC": "/Date(1551212901659)/",
              "pagination": {"page": 1, "pageSize": 100, "pageCount": 1, "itemCount": 2},
              "BankTransactions": [
                {
                  "BankTransactionID": "db54aab0-ad40-4ced-bcff-0940ba20db2c",
                  "BankAccount": {"AccountID": "6f7594f2-f059-4d56-9e67-47ac9733bfe9", "Code": "088",
                                  "Name": "Business Wells Fargo"},
                  "BatchPayment": {
                    "Account": {"AccountID": "6f7594f2-f059-4d56-9e67-47ac9733bfe9"},
                    "BatchPaymentID": "b54aa50c-794c-461b-89d1-846e1b84d9c0",
                    "Date": "/Date(1476316800000+0000)/", "Type": "RECBATCH", "Status": "AUTHORISED",
                    "TotalAmount": "12.00", "UpdatedDateUTC": "/Date(1476392487037+0000)/", "IsReconciled": "false"
                  },
                  "Type": "RECEIVE",
                  "IsReconciled": false,
                  "PrepaymentID": "cb62750f-b49c-464b-a45b-e2e2c514c8a9",
                  "HasAttachments": true,
                  "Contact": {"ContactID": "9c2c64de-12c9-4167-b503-e2c0e1aa1f49", "Name": "sam", "Addresses": [],
                              "Phones": [], "ContactGroups": [], "ContactPersons": [], "HasValidationErrors": false},
                  "DateString": "2016-10-13T00:00:00",
                  "Date": "/Date(1476316800000+0000)/",
                  "Status": "AUTHORISED",
                  "LineAmountTypes": "Exclusive",
                  "LineItems": [],
                  "SubTotal": 10,
                  "TotalTax": 0,
                  "Total": 10,
                  "UpdatedDateUTC": "/Date(1476389616437+0000)/",
                  "CurrencyCode": "USD"
                },
                {
                  "BankTransactionID": "29a69c45-64ca-4805-a1cc-34990de837b3",
                  "BankAccount": {"AccountID": "6f7594f2-f059-4d56-9e67-47ac9733bfe9", "Code": "088",
                                  "Name": "Business Wells Fargo"},
                  "Type": "SPEND-OVERPAYMENT",
                  "IsReconciled": false,
                  "OverpaymentID": "7d457db3-3b0a-47e9-8b79-81252a7bcdcb",
                  "HasAttachments": false,
                  "Contact": {"ContactID": "9c2c64de-12c9-4167-b503-e2c0e1aa1f49", "Name": "sam"},
                  "DateString": "2016-10-13T00:00:00",
                  "Date": "/Date(1476316800000+0000)/",
                  "Status": "AUTHORISED",
                  "LineAmountTypes": "NoTax",
                  "LineItems": [],
                  "SubTotal": 9,
                  "TotalTax": 0,
                  "Total": 9,
                  "UpdatedDateUTC": "/Date(1476389930500+0000)/",
                  "CurrencyCode": "USD"
                }
              ]
            }
            """;

    /** A SPEND as the sandbox's XeroJson.bankTransaction writes it. */
    private static final String SANDBOX_SPEND = """
            {
              "BankTransactionID": "0b89bf5c-d40b-4514-96be-36a739fb0188",
              "BankAccount": {"AccountID": "6f7594f2-f059-4d56-9e67-47ac9733bfe9", "Code": "090",
                              "Name": "Business Bank Account"},
              "Type": "SPEND",
              "IsReconciled": true,
              "HasAttachments": false,
              "Contact": {"ContactID": "5cc8cf28-567e-4d43-b287-687cfcaec47c", "Name": "Katherine Warren"},
              "DateString": "2024-03-05T00:00:00",
              "Date": "/Date(1709596800000+0000)/",
              "Status": "AUTHORISED",
              "LineAmountTypes": "Inclusive",
              "LineItems": [
                {"LineItemID": "d4a5c2a7-7b2c-4c53-8a4a-2a1c3e2f0a11", "Description": "  ", "Quantity": 1.0000,
                 "UnitAmount": 0.00, "AccountCode": "404", "TaxType": "INPUT", "TaxAmount": 0.00,
                 "LineAmount": 0.00, "Tracking": []},
                {"LineItemID": "e4a5c2a7-7b2c-4c53-8a4a-2a1c3e2f0a12", "Description": "Office chairs",
                 "Quantity": 2.0000, "UnitAmount": 617.285, "AccountCode": "429", "TaxType": "INPUT",
                 "TaxAmount": 205.76, "LineAmount": 1234.57, "Tracking": []}
              ],
              "Reference": "INV-0042",
              "CurrencyCode": "GBP",
              "CurrencyRate": 1.000000,
              "SubTotal": 1028.81,
              "TotalTax": 205.76,
              "Total": 1234.57,
              "UpdatedDateUTC": "/Date(1709650000123+0000)/"
            }
            """;

    /** A voided transfer: IsReconciled as a string, a Date without offset, a total doubles would garble. */
    private static final String VOIDED_TRANSFER = """
            {
              "BankTransactionID": "1289c190-e46d-434b-9628-463ffdb52f00",
              "BankAccount": {"AccountID": "6f7594f2-f059-4d56-9e67-47ac9733bfe9", "Name": "Savings"},
              "Type": "RECEIVE-TRANSFER",
              "IsReconciled": "false",
              "DateString": "2016-10-13T00:00:00",
              "Date": "/Date(1476316800000)/",
              "Status": "VOIDED",
              "LineItems": [{"Description": "Transfer from Business Wells Fargo", "LineAmount": 98765432.10}],
              "CurrencyCode": "EUR",
              "CurrencyRate": 1.174983,
              "Total": 98765432.10,
              "UpdatedDateUTC": "/Date(1476392487037-0700)/"
            }
            """;

    @Test
    void readsTheSpecExampleEnvelope() {
        List<LedgerTransaction> rows = XeroBankTransactions.fromEnvelope(json(SPEC_ENVELOPE));

        assertEquals(2, rows.size());
        LedgerTransaction receive = rows.get(0);
        assertEquals("db54aab0-ad40-4ced-bcff-0940ba20db2c", receive.providerId());
        assertEquals(1476389616437L, receive.providerVersion());
        assertEquals(Instant.ofEpochMilli(1476389616437L), receive.updatedAt());
        assertEquals("RECEIVE", receive.type());
        assertEquals(MoneyDirection.IN, receive.direction());
        assertEquals(TransactionStatus.ACTIVE, receive.status());
        assertEquals(LocalDate.of(2016, 10, 13), receive.date());
        assertEquals(new BigDecimal("10"), receive.total());
        assertEquals("USD", receive.currency());
        assertNull(receive.currencyRate());
        assertNull(receive.description());
        assertNull(receive.reference());
        assertEquals("9c2c64de-12c9-4167-b503-e2c0e1aa1f49", receive.contactId());
        assertEquals("sam", receive.contactName());
        assertEquals("6f7594f2-f059-4d56-9e67-47ac9733bfe9", receive.accountId());
        assertEquals("Business Wells Fargo", receive.accountName());
        assertFalse(receive.reconciled());

        LedgerTransaction overpayment = rows.get(1);
        assertEquals("SPEND-OVERPAYMENT", overpayment.type());
        assertEquals(MoneyDirection.OUT, overpayment.direction());
        assertEquals(new BigDecimal("-9"), overpayment.signedTotal());
    }

    @Test
    void readsASandboxSpendExactly() {
        LedgerTransaction spend = XeroBankTransactions.fromJson(json(SANDBOX_SPEND));

        assertEquals("SPEND", spend.type());
        assertEquals(MoneyDirection.OUT, spend.direction());
        assertEquals(LocalDate.of(2024, 3, 5), spend.date());
        assertEquals(new BigDecimal("1234.57"), spend.total());
        assertEquals(new BigDecimal("1.000000"), spend.currencyRate());
        assertEquals("GBP", spend.currency());
        assertEquals("Office chairs", spend.description());
        assertEquals("INV-0042", spend.reference());
        assertEquals("Katherine Warren", spend.contactName());
        assertEquals("Business Bank Account", spend.accountName());
        assertEquals(1709650000123L, spend.providerVersion());
        assertTrue(spend.reconciled());
    }

    @Test
    void readsAVoidedTransferWithALargeTotalAndStringReconciled() {
        LedgerTransaction transfer = XeroBankTransactions.fromJson(json(VOIDED_TRANSFER));

        assertEquals("RECEIVE-TRANSFER", transfer.type());
        assertEquals(MoneyDirection.IN, transfer.direction());
        assertEquals(TransactionStatus.VOIDED, transfer.status());
        assertEquals(new BigDecimal("98765432.10"), transfer.total());
        assertEquals(2, transfer.total().scale());
        assertEquals(new BigDecimal("1.174983"), transfer.currencyRate());
        assertEquals(LocalDate.of(2016, 10, 13), transfer.date());
        assertEquals(Instant.ofEpochMilli(1476392487037L), transfer.updatedAt());
        assertEquals("Transfer from Business Wells Fargo", transfer.description());
        assertNull(transfer.contactId());
        assertNull(transfer.contactName());
        assertFalse(transfer.reconciled());
    }

    @Test
    void readsADeletedOneWithOnlyADateStringAndATotalAsString() {
        LedgerTransaction deleted = XeroBankTransactions.fromJson(json("""
                {"BankTransactionID": "7d457db3-3b0a-47e9-8b79-81252a7bcdcb", "Type": "SPEND-TRANSFER",
                 "Status": "DELETED", "IsReconciled": "TRUE", "DateString": "2016-10-14T00:00:00",
                 "Total": "12.00", "CurrencyCode": "USD", "CurrencyRate": null, "Reference": "",
                 "UpdatedDateUTC": "/Date(1476392487037+0000)/"}
                """));

        assertEquals(TransactionStatus.DELETED, deleted.status());
        assertEquals(MoneyDirection.OUT, deleted.direction());
        assertEquals(LocalDate.of(2016, 10, 14), deleted.date());
        assertEquals(new BigDecimal("12.00"), deleted.total());
        assertNull(deleted.currencyRate());
        assertEquals("", deleted.reference());
        assertTrue(deleted.reconciled());
    }

    @Test
    void takesTheDateInUtcWhateverTheOffsetSays() {
        // 2016-10-13T22:59:59Z, shown in a +13:00 zone where it is already the 14th
        String json = SANDBOX_SPEND.replace("/Date(1709596800000+0000)/", "/Date(1476399599000+1300)/");
        assertEquals(LocalDate.of(2016, 10, 13), XeroBankTransactions.fromJson(json(json)).date());
    }

    @Test
    void anEnvelopeWithoutTheArrayHasNoRows() {
        assertEquals(List.of(), XeroBankTransactions.fromEnvelope(json("""
                {"Id": "5bc1d776-3c7f-4fe8-9b2d-09e747077a88", "Status": "OK", "Warnings": null}
                """)));
        assertEquals(List.of(), XeroBankTransactions.fromEnvelope(json("{\"BankTransactions\": []}")));
    }

    @Test
    void parsesMicrosoftDates() {
        Instant expected = Instant.parse("2016-10-13T00:00:00Z");
        assertEquals(expected, XeroBankTransactions.parseMicrosoftDate("/Date(1476316800000+0000)/"));
        assertEquals(expected, XeroBankTransactions.parseMicrosoftDate("/Date(1476316800000)/"));
        assertEquals(expected, XeroBankTransactions.parseMicrosoftDate("/Date(1476316800000-0700)/"));
        assertEquals(Instant.parse("1969-12-31T00:00:00Z"),
                XeroBankTransactions.parseMicrosoftDate("/Date(-86400000+0000)/"));
    }

    @Test
    void rejectsWhatIsNotAMicrosoftDate() {
        for (String bad : new String[] {"2016-10-13T00:00:00", "/Date(abc)/", "/Date(1476316800000+07)/",
                "Date(1476316800000)", "/Date(99999999999999999999)/", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> XeroBankTransactions.parseMicrosoftDate(bad));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> XeroBankTransactions.parseMicrosoftDate(null));
    }

    @Test
    void aBadDateNamesTheValue() {
        String json = SANDBOX_SPEND.replace("/Date(1709596800000+0000)/", "2024-03-05");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XeroBankTransactions.fromJson(json(json)));
        assertTrue(e.getMessage().contains("2024-03-05"), e.getMessage());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        for (String field : List.of("BankTransactionID", "UpdatedDateUTC", "Type", "Status", "Total",
                "CurrencyCode")) {
            JsonObject without = Json.createObjectBuilder(json(SANDBOX_SPEND)).remove(field).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> XeroBankTransactions.fromJson(without));
            assertTrue(e.getMessage().contains(field), e.getMessage());
        }
    }

    @Test
    void rejectsUnknownTypesStatusesAndMalformedValues() {
        assertMessage("JOURNAL", SANDBOX_SPEND.replace("\"SPEND\"", "\"JOURNAL\""));
        assertMessage("SUBMITTED", SANDBOX_SPEND.replace("\"AUTHORISED\"", "\"SUBMITTED\""));
        assertMessage("Total", SANDBOX_SPEND.replace("\"Total\": 1234.57", "\"Total\": \"12,34\""));
        assertMessage("IsReconciled", SANDBOX_SPEND.replace("\"IsReconciled\": true", "\"IsReconciled\": \"yes\""));
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XeroBankTransactions.fromJson(json(json)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
