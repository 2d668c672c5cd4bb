package io.kibly.sandbox.webhooks;

import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * QuickBooks Online's webhook body: a JSON array of structured CloudEvents 1.0, {@code type}
 * {@code qbo.<entity>.<operation>.v1}, {@code source} {@code intuit.<realmId>} and an empty {@code data}.
 */
public final class QuickBooksWebhookPayload {

    private static final List<String> OPERATIONS = List.of("created", "updated", "deleted");

    private final Clock clock;

    public QuickBooksWebhookPayload(Clock clock) {
        this.clock = clock;
    }

    /** Defaults: the given realm, entity Purchase, operation created, an entity id 1–1000, a random event id. */
    public JsonArray build(List<JsonObject> requested, String defaultRealmId) {
        JsonArrayBuilder events = JsonBuilders.array();
        String now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        for (JsonObject event : requested) {
            String realmId = event.getString("realmId", defaultRealmId);
            String entity = event.getString("entity", "Purchase");
            String operation = event.getString("operation", "created");
            if (!entity.matches("[A-Za-z]+") || !OPERATIONS.contains(operation)) {
                throw new IllegalArgumentException("each QuickBooks event needs an entity name (letters) and "
                        + "operation created, updated or deleted: " + event);
            }
            events.add(JsonBuilders.object()
                    .add("specversion", "1.0")
                    .add("id", event.getString("id", UUID.randomUUID().toString()))
                    .add("source", "intuit." + realmId)
                    .add("type", "qbo." + entity.toLowerCase(Locale.ROOT) + "." + operation + ".v1")
                    .add("datacontenttype", "application/json")
                    .add("time", now)
                    .add("intuitentityid", event.getString("entityId",
                            Integer.toString(ThreadLocalRandom.current().nextInt(1, 1001))))
                    .add("intuitaccountid", realmId)
                    .add("data", JsonBuilders.object()));
        }
        return events.build();
    }
}
