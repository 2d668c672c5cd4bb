package io.kibly.engine.infrastructure.provider.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    private static final String ENVELOPE = """
            {"Id": "x", "Status": "OK", "Warnings": null, "pagination": {"page": 1, "itemCount": 2},
             "BankTransactions": [
               {"BankTransactionID": "a", "Type": "RECEIVE", "Total": 12.50, "CurrencyRate": null,
                "IsReconciled": "true", "HasAttachments": false, "Tracking": [[1, 2], {"deep": [{"x": {}}]}],
                "Contact": {"ContactID": "c1", "Name": "Boom FM", "Addresses": [{"City": "Leeds"}]},
                "LineItems": [{"LineItemID": "l1", "Description": "", "AccountCode": "200", "Quantity": 5.0000},
                              {"Description": "Interest", "Tracking": []}]},
               {"BankTransactionID": "b", "Contact": null, "LineItems": []}
             ]}
            """;

    private static final JsonShape SHAPE = JsonShape.keys(Map.of(
            "pagination", JsonShape.WHOLE,
            "BankTransactions", JsonShape.keys(Map.of(
                    "BankTransactionID", JsonShape.WHOLE, "Total", JsonShape.WHOLE, "CurrencyRate", JsonShape.WHOLE,
                    "IsReconciled", JsonShape.WHOLE,
                    "Contact", JsonShape.keys(Map.of("ContactID", JsonShape.WHOLE, "Name", JsonShape.WHOLE)),
                    "LineItems", JsonShape.keys(Map.of("Description", JsonShape.WHOLE,
                            "AccountCode", JsonShape.WHOLE))))));

    @Test
    void keepsExactlyTheShapesKeysWithTheirValuesAsWritten() {
        JsonObject read = SHAPE.readObject(ENVELOPE);

        assertEquals(json("""
                {"pagination": {"page": 1, "itemCount": 2},
                 "BankTransactions": [
                   {"BankTransactionID": "a", "Total": 12.50, "CurrencyRate": null, "IsReconciled": "true",
                    "Contact": {"ContactID": "c1", "Name": "Boom FM"},
                    "LineItems": [{"Description": "", "AccountCode": "200"}, {"Description": "Interest"}]},
                   {"BankTransactionID": "b", "Contact": null, "LineItems": []}
                 ]}
                """), read);
        // numbers keep their scale (12.50, not 12.5)
        assertEquals("12.50", read.getJsonArray("BankTransactions").getJsonObject(0).getJsonNumber("Total")
                .bigDecimalValue().toPlainString());
    }

    @Test
    void theXeroMappingReadsTheShapedEnvelopeAsTheWholeOne() {
        assertEquals(XeroBankTransactions.fromEnvelope(json(SANDBOX_PAGE)),
                XeroBankTransactions.fromEnvelope(XeroBankTransactions.ENVELOPE.readObject(SANDBOX_PAGE)));
    }

    @Test
    // a cut-off body once made the skipping loop forever: fail rather than hang
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesWhatIsNotOneJsonObject() {
        for (String text : new String[] {"", "[]", "{\"a\": 1", "{\"a\": 1} {}", "{\"a\": [1, }", "nonsense",
                "{\"skipped\": [1, {\"x\": [", "{\"skipped\": {\"x\": ]}}",
                "{\"BankTransactions\": " + "[".repeat(5000) + "]".repeat(5000) + "}"}) {
            assertThrows(IllegalArgumentException.class, () -> SHAPE.readObject(text), text.length() > 40
                    ? text.substring(0, 40) : text);
        }
    }

    private static final String SANDBOX_PAGE = """
            {"Id":"02f7ff1a","Status":"OK","pagination":{"page":1,"pageSize":2,"pageCount":500,"itemCount":1000},
             "Warnings":null,"BankTransactions":[
              {"BankTransactionID":"c159d71b-2069-4a9a-abab-9b54c855416f","BankAccount":{"AccountID":"4d7b2340",
               "Code":"092","Name":"Business Credit Card"},"Type":"RECEIVE-OVERPAYMENT","IsReconciled":true,
               "OverpaymentID":"9cc124a7","HasAttachments":false,"Contact":{"ContactID":"6b3c41c4","Name":"Boom FM"},
               "DateString":"2015-12-29T00:00:00","Date":"/Date(1451347200000+0000)/","Status":"AUTHORISED",
               "LineAmountTypes":"Exclusive","LineItems":[{"LineItemID":"641a597a","Description":"Interest received",
               "Quantity":5.0000,"UnitAmount":900.82,"AccountCode":"200","TaxType":"OUTPUT2","TaxAmount":900.82,
               "LineAmount":4504.10,"Tracking":[]}],"Reference":"INV-10000","CurrencyCode":"USD",
               "CurrencyRate":1.280160,"SubTotal":4504.10,"TotalTax":900.82,"Total":5404.92,
               "UpdatedDateUTC":"/Date(1451606431814+0000)/"},
              {"BankTransactionID":"43cba6c4","BankAccount":{"AccountID":"2c23b525","Code":"090",
               "Name":"Business Bank Account"},"Type":"SPEND","IsReconciled":"false","HasAttachments":false,
               "Contact":{"Name":"City Agency"},"DateString":"2015-12-29T00:00:00","Status":"VOIDED",
               "LineItems":[{"Description":"  ","AccountCode":""},{"Description":"Consulting","AccountCode":"400"}],
               "CurrencyCode":"GBP","CurrencyRate":null,"Total":"3536.00","UpdatedDateUTC":"/Date(1451606814044)/"}]}
            """;

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
