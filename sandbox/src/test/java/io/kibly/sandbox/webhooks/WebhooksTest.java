package io.kibly.sandbox.webhooks;

import io.kibly.sandbox.config.SettingsSource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhooksTest {

    private static final String KEY = "xero-key";
    private static final String TOKEN = "qbo-token";
    private static final String TARGET = "http://localhost:8080/webhooks/xero";
    private static final String TENANT = "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a001";

    private record Sent(URI target, byte[] body, Map<String, String> headers) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
    private final Webhooks webhooks = new Webhooks(new WebhookSettings(KEY, TOKEN, "9341453050098765"),
            (target, body, headers) -> {
                sent.add(new Sent(target, body, Map.copyOf(headers)));
                return 200;
            }, clock);

    private static String hmac(byte[] body, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static JsonObjectBuilder request(Object... events) {
        var array = Json.createArrayBuilder();
        for (Object event : events) {
            array.add((JsonObjectBuilder) event);
        }
        return Json.createObjectBuilder().add("targetUrl", TARGET).add("events", array);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void xeroSignsTheExactBodyWithTheWebhookKeyAndFillsTheEvent() throws Exception {
        JsonObject answer = webhooks.xero(request(Json.createObjectBuilder().add("tenantId", TENANT)).build());

        assertEquals(1, sent.size());
        Sent delivery = sent.get(0);
        assertEquals(URI.create(TARGET), delivery.target());
        assertArrayEquals(answer.getString("body").getBytes(StandardCharsets.UTF_8), delivery.body());
        assertEquals(hmac(delivery.body(), KEY), delivery.headers().get("x-xero-signature"));
        assertEquals("application/json", delivery.headers().get("Content-Type"));
        assertEquals(200, answer.getJsonArray("deliveries").getJsonObject(0).getInt("status"));
        assertTrue(answer.getJsonArray("deliveries").getJsonObject(0).getJsonNumber("elapsedMillis").longValue() >= 0);

        JsonObject body = parse(answer.getString("body"));
        JsonObject event = body.getJsonArray("events").getJsonObject(0);
        String resourceId = event.getString("resourceId");
        assertEquals("https://api.xero.com/api.xro/2.0/Contacts/" + resourceId, event.getString("resourceUrl"));
        assertEquals("2026-11-26T04:00:00.000", event.getString("eventDateUtc"));
        assertEquals("UPDATE", event.getString("eventType"));
        assertEquals("CONTACT", event.getString("eventCategory"));
        assertEquals(TENANT, event.getString("tenantId"));
        assertEquals("ORGANISATION", event.getString("tenantType"));
        assertEquals(List.of("resourceUrl", "resourceId", "eventDateUtc", "eventType", "eventCategory", "tenantId",
                "tenantType"), List.copyOf(event.keySet()));
        assertEquals(1, body.getInt("firstEventSequence"));
        assertEquals(1, body.getInt("lastEventSequence"));
        assertTrue(body.getString("entropy").matches("[A-Z]{20}"), body.getString("entropy"));
    }

    @Test
    void xeroTakesTheGivenFieldsAndCountsSequences() {
        webhooks.xero(request(Json.createObjectBuilder().add("tenantId", TENANT)).build());
        JsonObject body = parse(webhooks.xero(request(
                Json.createObjectBuilder().add("tenantId", TENANT).add("eventCategory", "INVOICE")
                        .add("eventType", "CREATE").add("resourceId", "r-1"),
                Json.createObjectBuilder().add("tenantId", TENANT)).build()).getString("body"));
        JsonObject event = body.getJsonArray("events").getJsonObject(0);
        assertEquals("https://api.xero.com/api.xro/2.0/Invoices/r-1", event.getString("resourceUrl"));
        assertEquals("CREATE", event.getString("eventType"));
        assertEquals("INVOICE", event.getString("eventCategory"));
        assertEquals(2, body.getInt("firstEventSequence"));
        assertEquals(3, body.getInt("lastEventSequence"));
    }

    @Test
    void noEventsIsTheIntentToReceive() throws Exception {
        for (JsonObject request : List.of(request().build(),
                Json.createObjectBuilder().add("targetUrl", TARGET).build())) {
            JsonObject body = parse(webhooks.xero(request).getString("body"));
            assertEquals(0, body.getJsonArray("events").size());
            assertEquals(0, body.getInt("firstEventSequence"));
            assertEquals(0, body.getInt("lastEventSequence"));
            assertTrue(body.getString("entropy").matches("[A-Z]{20}"));
        }
        Sent last = sent.get(1);
        assertEquals(hmac(last.body(), KEY), last.headers().get("x-xero-signature"));
    }

    @Test
    void quickBooksSendsCloudEventsSignedWithTheVerifierToken() throws Exception {
        JsonObject answer = webhooks.quickBooks(request(Json.createObjectBuilder(),
                Json.createObjectBuilder().add("realmId", "123").add("entity", "Deposit")
                        .add("operation", "deleted").add("entityId", "42").add("id", "ev-1")).build());
        Sent delivery = sent.get(0);
        assertArrayEquals(answer.getString("body").getBytes(StandardCharsets.UTF_8), delivery.body());
        assertEquals(hmac(delivery.body(), TOKEN), delivery.headers().get("intuit-signature"));
        assertFalse(delivery.headers().containsKey("x-xero-signature"));

        JsonArray events = Json.createReader(new StringReader(answer.getString("body"))).readArray();
        JsonObject first = events.getJsonObject(0);
        assertEquals("1.0", first.getString("specversion"));
        assertEquals(36, first.getString("id").length());
        assertEquals("intuit.9341453050098765", first.getString("source"));
        assertEquals("qbo.purchase.created.v1", first.getString("type"));
        assertEquals("application/json", first.getString("datacontenttype"));
        assertEquals("2026-11-26T04:00:00Z", first.getString("time"));
        assertFalse(first.getString("intuitentityid").isBlank());
        assertEquals("9341453050098765", first.getString("intuitaccountid"));
        assertEquals(Json.createObjectBuilder().build(), first.getJsonObject("data"));

        JsonObject second = events.getJsonObject(1);
        assertEquals("ev-1", second.getString("id"));
        assertEquals("intuit.123", second.getString("source"));
        assertEquals("qbo.deposit.deleted.v1", second.getString("type"));
        assertEquals("42", second.getString("intuitentityid"));
        assertEquals("123", second.getString("intuitaccountid"));
    }

    @Test
    void anInvalidSignatureUsesAnotherKeyAndAMissingOneNoHeader() throws Exception {
        webhooks.xero(request().add("signature", "invalid").build());
        webhooks.quickBooks(request(Json.createObjectBuilder()).add("signature", "INVALID").build());
        webhooks.xero(request().add("signature", "missing").build());
        webhooks.quickBooks(request(Json.createObjectBuilder()).add("signature", "missing").build());

        String xeroBad = sent.get(0).headers().get("x-xero-signature");
        assertNotEquals(hmac(sent.get(0).body(), KEY), xeroBad);
        assertEquals(44, xeroBad.length());
        assertNotEquals(hmac(sent.get(1).body(), TOKEN), sent.get(1).headers().get("intuit-signature"));
        assertEquals(Map.of("Content-Type", "application/json"), sent.get(2).headers());
        assertEquals(Map.of("Content-Type", "application/json"), sent.get(3).headers());
        assertEquals(hmac("{}".getBytes(StandardCharsets.UTF_8), KEY),
                SignatureMode.VALID.header("{}".getBytes(StandardCharsets.UTF_8), KEY).orElseThrow());
    }

    @Test
    void repeatSendsTheIdenticalBodyAgain() {
        JsonObject answer = webhooks.xero(request(Json.createObjectBuilder().add("tenantId", TENANT))
                .add("repeat", 3).build());
        assertEquals(3, answer.getJsonArray("deliveries").size());
        assertEquals(3, sent.size());
        for (Sent delivery : sent) {
            assertArrayEquals(sent.get(0).body(), delivery.body());
            assertEquals(sent.get(0).headers(), delivery.headers());
        }
    }

    @Test
    void anUnreachableTargetIsStatusZeroWithAnError() {
        Webhooks unreachable = new Webhooks(new WebhookSettings(KEY, TOKEN, "1"), (target, body, headers) -> {
            throw new ConnectException("Connection refused");
        }, clock);
        JsonObject delivery = unreachable.xero(request().build()).getJsonArray("deliveries").getJsonObject(0);
        assertEquals(0, delivery.getInt("status"));
        assertEquals("ConnectException: Connection refused", delivery.getString("error"));
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsSent() {
        List<JsonObject> bad = List.of(
                Json.createObjectBuilder().build(),
                Json.createObjectBuilder().add("targetUrl", "ftp://example.com/x").build(),
                Json.createObjectBuilder().add("targetUrl", "not a url").build(),
                request().add("signature", "forged").build(),
                request().add("repeat", 0).build(),
                request().add("repeat", "2").build(),
                request().add("events", "CONTACT").build(),
                request(Json.createObjectBuilder().add("eventCategory", "CONTACT")).build(),
                request(Json.createObjectBuilder().add("tenantId", TENANT).add("eventType", "DELETE")).build());
        for (JsonObject request : bad) {
            assertThrows(IllegalArgumentException.class, () -> webhooks.xero(request), request::toString);
        }
        assertThrows(IllegalArgumentException.class, () -> webhooks.xero(null));
        assertThrows(IllegalArgumentException.class, () -> webhooks.quickBooks(
                request(Json.createObjectBuilder().add("operation", "merged")).build()));
        assertTrue(sent.isEmpty());
    }

    @Test
    void settingsDefaultAndTheDefaultRealmIsTheFirstConfigured() {
        WebhookSettings defaults = new SettingsSource(key -> null).webhooks();
        assertEquals(new WebhookSettings("kibly-sandbox-webhook-key", "kibly-sandbox-verifier-token",
                "9341453050098765"), defaults);
        WebhookSettings set = new SettingsSource(Map.of("sandbox.xero.webhookKey", "k",
                "sandbox.quickbooks.webhookVerifierToken", "t",
                "sandbox.quickbooks.realms", "222:B,111:A,333:C")::get).webhooks();
        assertEquals(new WebhookSettings("k", "t", "222"), set);
    }
}
