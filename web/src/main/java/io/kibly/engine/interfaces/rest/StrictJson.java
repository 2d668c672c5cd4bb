package io.kibly.engine.interfaces.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * The API's JSON binding, stricter than the default: a text field takes only a JSON string and a whole-number
 * field only a JSON integer. By default {@code {"name": 5}} would become the name "5" and {@code {"version": "5"}}
 * the version 5; here both are the caller's mistake, answered 400.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new StringsOnly(), new IntegersOnly()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    static final class StringsOnly implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            // getValue, not currentEvent: Yasson's parser does not support the latter.
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null; // absent and null are Bean Validation's to judge
            }
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                throw new JsonbException("expected a JSON string");
            }
            return ((JsonString) value).getString();
        }
    }

    static final class IntegersOnly implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
                throw new JsonbException("expected a whole number");
            }
            return ((JsonNumber) value).longValueExact();
        }
    }
}
