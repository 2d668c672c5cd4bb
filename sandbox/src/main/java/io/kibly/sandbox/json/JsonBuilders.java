package io.kibly.sandbox.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;

/**
 * Builders from one factory: every {@code Json.createObjectBuilder()} looks the JSON provider up again through
 * the service loader, which made a page of 1,000 transactions take seconds.
 */
public final class JsonBuilders {

    private static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return FACTORY.createObjectBuilder();
    }

    /** A builder starting with the fields of {@code initial}. */
    public static JsonObjectBuilder object(JsonObject initial) {
        return FACTORY.createObjectBuilder(initial);
    }

    public static JsonArrayBuilder array() {
        return FACTORY.createArrayBuilder();
    }
}
