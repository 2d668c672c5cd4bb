package io.kibly.sandbox.webhooks;

import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Xero's webhook body: {@code {events, firstEventSequence, lastEventSequence, entropy}}; no events make the
 * intent-to-receive delivery (sequences 0). Sequences count up per sandbox, as Xero's do per app.
 */
public final class XeroWebhookPayload {

    private static final Map<String, String> RESOURCES = Map.of("CONTACT", "Contacts", "INVOICE", "Invoices");
    private static final List<String> EVENT_TYPES = List.of("CREATE", "UPDATE");
    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong nextSequence = new AtomicLong(1);

    public XeroWebhookPayload(Clock clock) {
        this.clock = clock;
    }

    /** Each requested event needs {@code tenantId}; category CONTACT, type UPDATE and a random id by default. */
    public JsonObject build(List<JsonObject> requested) {
        JsonArrayBuilder events = JsonBuilders.array();
        String now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(EVENT_DATE);
        for (JsonObject event : requested) {
            String tenantId = event.getString("tenantId", "");
            String category = event.getString("eventCategory", "CONTACT").toUpperCase(Locale.ROOT);
            String type = event.getString("eventType", "UPDATE").toUpperCase(Locale.ROOT);
            String resourceId = event.getString("resourceId", UUID.randomUUID().toString());
            if (tenantId.isBlank() || !RESOURCES.containsKey(category) || !EVENT_TYPES.contains(type)) {
                throw new IllegalArgumentException("each Xero event needs a tenantId, eventCategory CONTACT or "
                        + "INVOICE, eventType CREATE or UPDATE: " + event);
            }
            events.add(JsonBuilders.object()
                    .add("resourceUrl", "https://api.xero.com/api.xro/2.0/" + RESOURCES.get(category) + "/"
                            + resourceId)
                    .add("resourceId", resourceId)
                    .add("eventDateUtc", now)
                    .add("eventType", type)
                    .add("eventCategory", category)
                    .add("tenantId", tenantId)
                    .add("tenantType", "ORGANISATION"));
        }
        long first = requested.isEmpty() ? 0 : nextSequence.getAndAdd(requested.size());
        return JsonBuilders.object()
                .add("events", events)
                .add("firstEventSequence", first)
                .add("lastEventSequence", requested.isEmpty() ? 0 : first + requested.size() - 1)
                .add("entropy", entropy())
                .build();
    }

    private String entropy() {
        return random.ints(20, 'A', 'Z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
