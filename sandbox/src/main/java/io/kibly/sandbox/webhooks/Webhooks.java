package io.kibly.sandbox.webhooks;

import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Answers the admin requests {@code {targetUrl, events, signature, repeat}}: builds the provider's body, signs
 * it, POSTs the same bytes {@code repeat} times and reports {@code {deliveries:[{status, elapsedMillis[, error]}],
 * body}}; an unreachable target is status 0 with an error. A bad request is an {@link IllegalArgumentException}.
 */
public final class Webhooks {

    private static final int MAX_REPEAT = 100;

    private final WebhookSettings settings;
    private final WebhookSender sender;
    private final XeroWebhookPayload xero;
    private final QuickBooksWebhookPayload quickBooks;

    public Webhooks(WebhookSettings settings, WebhookSender sender, Clock clock) {
        this.settings = settings;
        this.sender = sender;
        this.xero = new XeroWebhookPayload(clock);
        this.quickBooks = new QuickBooksWebhookPayload(clock);
    }

    public JsonObject xero(JsonObject request) {
        Delivery delivery = Delivery.of(request);
        return deliver(delivery, xero.build(delivery.events()).toString(), "x-xero-signature",
                settings.xeroWebhookKey());
    }

    public JsonObject quickBooks(JsonObject request) {
        Delivery delivery = Delivery.of(request);
        return deliver(delivery, quickBooks.build(delivery.events(), settings.defaultRealmId()).toString(),
                "intuit-signature", settings.quickBooksVerifierToken());
    }

    private JsonObject deliver(Delivery delivery, String body, String signatureHeader, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = delivery.signature().header(bytes, secret)
                .map(value -> Map.of("Content-Type", "application/json", signatureHeader, value))
                .orElse(Map.of("Content-Type", "application/json"));
        JsonArrayBuilder deliveries = JsonBuilders.array();
        for (int i = 0; i < delivery.repeat() && !Thread.currentThread().isInterrupted(); i++) {
            long start = System.nanoTime();
            JsonObjectBuilder answer = JsonBuilders.object();
            try {
                answer.add("status", sender.post(delivery.target(), bytes, headers));
            } catch (IOException | RuntimeException e) {
                answer.add("status", 0).add("error", e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer.add("status", 0).add("error", "interrupted");
            }
            deliveries.add(answer.add("elapsedMillis", (System.nanoTime() - start) / 1_000_000));
        }
        return JsonBuilders.object().add("deliveries", deliveries).add("body", body).build();
    }

    /** The request checked: target, signature mode, repeat count and the events asked for (maybe none). */
    record Delivery(URI target, SignatureMode signature, int repeat, List<JsonObject> events) {

        static Delivery of(JsonObject request) {
            if (request == null) {
                throw new IllegalArgumentException("a JSON object with targetUrl is required");
            }
            String url = request.getString("targetUrl", "").trim();
            URI target = url.matches("(?i)https?://\\S+") ? URI.create(url) : null;
            if (target == null || target.getHost() == null) {
                throw new IllegalArgumentException("targetUrl must be an http or https URL, was '" + url + "'");
            }
            JsonValue repeat = request.getOrDefault("repeat", JsonValue.NULL);
            long times = isNull(repeat) ? 1 : repeat instanceof JsonNumber n && n.isIntegral() ? n.longValue() : 0;
            if (times < 1 || times > MAX_REPEAT) {
                throw new IllegalArgumentException("repeat must be a whole number from 1 to " + MAX_REPEAT);
            }
            JsonValue signature = request.getOrDefault("signature", JsonValue.NULL);
            JsonValue events = request.getOrDefault("events", JsonValue.NULL);
            if (!isNull(events) && !(events instanceof JsonArray array
                    && array.stream().allMatch(event -> event instanceof JsonObject))) {
                throw new IllegalArgumentException("events must be an array of objects");
            }
            return new Delivery(target, SignatureMode.parse(signature instanceof JsonString s ? s.getString()
                    : isNull(signature) ? null : signature.toString()), (int) times,
                    isNull(events) ? List.of() : events.asJsonArray().getValuesAs(JsonObject.class));
        }

        private static boolean isNull(JsonValue value) {
            return value.getValueType() == JsonValue.ValueType.NULL;
        }
    }
}
