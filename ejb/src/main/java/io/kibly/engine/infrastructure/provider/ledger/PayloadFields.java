package io.kibly.engine.infrastructure.provider.ledger;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reading fields of a provider's JSON the lenient way both providers need (numbers as strings, absent as null),
 * with errors naming the field.
 */
final class PayloadFields {

    private PayloadFields() {
    }

    static String string(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return switch (typeOf(value)) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> value.toString();
            default -> throw new IllegalArgumentException(field + " is not a string: " + value);
        };
    }

    /** The number exactly as written (a JSON number, or a string holding one); null when absent or null. */
    static BigDecimal decimal(JsonObject json, String field) {
        JsonValue value = json.get(field);
        try {
            return switch (typeOf(value)) {
                case NULL -> null;
                case NUMBER -> ((JsonNumber) value).bigDecimalValue();
                case STRING -> new BigDecimal(((JsonString) value).getString().trim());
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: " + value, e);
        }
    }

    static JsonObject object(JsonObject json, String field) {
        return json.get(field) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    static List<JsonObject> objects(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (typeOf(value) == ValueType.NULL) {
            return List.of();
        }
        if (value instanceof JsonArray array && array.stream().allMatch(JsonObject.class::isInstance)) {
            return array.getValuesAs(JsonObject.class);
        }
        throw new IllegalArgumentException(field + " is not an array of objects");
    }

    static ValueType typeOf(JsonValue value) {
        return value == null ? ValueType.NULL : value.getValueType();
    }
}
