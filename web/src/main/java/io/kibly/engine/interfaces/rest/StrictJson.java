package io.kibly.engine.interfaces.rest;

import io.kibly.engine.application.InputRules;
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
 * The API's JSON binding, stricter than the default: a text field takes only a JSON string PostgreSQL can store
 * ({@link InputRules#storable}), a whole-number field only a JSON number its Java type holds exactly, and a field
 * the target does not have is refused. By default {@code {"name": 5}} would become the name "5",
 * {@code {"version": "5"}} the version 5 and {@code 4294967297} for an {@code Integer} the value 1; here each is
 * the caller's mistake, answered 400.
 *
 * <p>{@link JsonBodies} checks the same rules before binding and names the field; these deserializers keep the
 * binding itself exact should a body reach it some other way.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new StringsOnly(), new LongsOnly(), new IntsOnly())
            .setProperty("jsonb.fail-on-unknown-properties", Boolean.TRUE));

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
            String text = ((JsonString) value).getString();
            if (!InputRules.storable(text)) {
                throw new JsonbException(InputRules.UNSTORABLE_TEXT);
            }
            return text;
        }
    }

    static final class LongsOnly implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    static final class IntsOnly implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long value = whole(parser.getValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            return value == null ? null : value.intValue();
        }
    }

    private static Long whole(JsonValue value, long min, long max) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Long exact = value.getValueType() == JsonValue.ValueType.NUMBER
                ? WholeNumbers.exact(((JsonNumber) value).bigDecimalValue(), min, max) : null;
        if (exact == null) {
            throw new JsonbException(WholeNumbers.range(min, max));
        }
        return exact;
    }
}
