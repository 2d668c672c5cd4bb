package io.kibly.engine.interfaces.rest;

import io.kibly.engine.application.InputRules;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules every JSON request body meets before any resource binds it, naming the offending field:
 * <ul>
 * <li>every string, names included, is text PostgreSQL can store ({@link InputRules#storable});</li>
 * <li>for a request class bound by JSON-B (its {@code @JsonbCreator}): no field it does not have, a text field
 * holds a string, a whole-number field a number its Java type holds exactly ({@link WholeNumbers}), a decimal
 * field a number of bounded size, a boolean field {@code true} or {@code false}.</li>
 * </ul>
 * A body that is not JSON at all passes untouched: the reader that binds it answers that 400 as before.
 */
final class JsonBodies {

    /** Digits a decimal field may have on either side of the point; bounds the work an exponent can cause. */
    static final int MAX_DECIMAL_DIGITS = 30;

    private static final Map<Class<?>, Map<String, Class<?>>> FIELDS = new ConcurrentHashMap<>();

    private JsonBodies() {
    }

    /** A refused field: its name as in the request ({@code match.description.pattern}, {@code set.tags[1]}). */
    static final class InvalidField extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidField(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    static void check(byte[] body, Class<?> target) {
        JsonValue json;
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readValue();
        } catch (RuntimeException | StackOverflowError e) {
            return; // not JSON: the binding reader's 400
        }
        storable(json, "");
        Map<String, Class<?>> fields = fieldsOf(target);
        if (!fields.isEmpty() && json instanceof JsonObject object) {
            for (var field : object.entrySet()) {
                Class<?> type = fields.get(field.getKey());
                if (type == null) {
                    throw new InvalidField(field.getKey(), "is not a field of this request");
                }
                typed(field.getKey(), field.getValue(), type);
            }
        }
    }

    private static void storable(JsonValue value, String path) {
        if (value instanceof JsonString string) {
            if (!InputRules.storable(string.getString())) {
                throw new InvalidField(path.isEmpty() ? "body" : path, InputRules.UNSTORABLE_TEXT);
            }
        } else if (value instanceof JsonObject object) {
            for (var field : object.entrySet()) {
                if (!InputRules.storable(field.getKey())) {
                    // the name itself is not echoed: it could not be shown as it is
                    throw new InvalidField(path.isEmpty() ? "body" : path, "a field name " + InputRules.UNSTORABLE_TEXT);
                }
                storable(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                storable(array.get(i), (path.isEmpty() ? "body" : path) + "[" + i + "]");
            }
        }
    }

    private static void typed(String field, JsonValue value, Class<?> type) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return; // absence is Bean Validation's to judge
        }
        if (type == String.class) {
            if (!(value instanceof JsonString)) {
                throw new InvalidField(field, "must be a string");
            }
        } else if (type == Integer.class || type == int.class) {
            whole(field, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (type == Long.class || type == long.class) {
            whole(field, value, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (type == Short.class || type == short.class) {
            whole(field, value, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (type == BigDecimal.class) {
            if (!(value instanceof JsonNumber number)) {
                throw new InvalidField(field, "must be a number");
            }
            BigDecimal decimal = number.bigDecimalValue();
            if (decimal.signum() != 0 && (decimal.precision() - decimal.scale() > MAX_DECIMAL_DIGITS
                    || decimal.scale() > MAX_DECIMAL_DIGITS)) {
                throw new InvalidField(field, "must have at most " + MAX_DECIMAL_DIGITS
                        + " digits before and after the point");
            }
        } else if (type == Boolean.class || type == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw new InvalidField(field, "must be true or false");
            }
        }
    }

    private static void whole(String field, JsonValue value, long min, long max) {
        if (!(value instanceof JsonNumber number) || WholeNumbers.exact(number.bigDecimalValue(), min, max) == null) {
            throw new InvalidField(field, WholeNumbers.range(min, max));
        }
    }

    /** The JSON fields of a request class JSON-B creates through its {@code @JsonbCreator}; empty for others. */
    static Map<String, Class<?>> fieldsOf(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            Map<String, Class<?>> fields = new LinkedHashMap<>();
            for (Constructor<?> constructor : t.getDeclaredConstructors()) {
                if (constructor.isAnnotationPresent(JsonbCreator.class)) {
                    for (Parameter parameter : constructor.getParameters()) {
                        JsonbProperty name = parameter.getAnnotation(JsonbProperty.class);
                        fields.put(name != null ? name.value() : parameter.getName(), parameter.getType());
                    }
                }
            }
            return Map.copyOf(fields);
        });
    }
}
