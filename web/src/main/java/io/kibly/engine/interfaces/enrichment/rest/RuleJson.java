package io.kibly.engine.interfaces.enrichment.rest;

import io.kibly.engine.domain.model.enrichment.InvalidRuleException;
import io.kibly.engine.domain.model.enrichment.RuleCondition;
import io.kibly.engine.domain.model.enrichment.RuleOutcome;
import io.kibly.engine.domain.model.enrichment.StoredRule;
import io.kibly.engine.domain.model.enrichment.TextMatch;
import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule in JSON, both ways:
 * <pre>
 * {"priority": 10,
 *  "match": {"description": {"mode": "CONTAINS", "pattern": "uber"}, "reference": {"mode": "REGEX", "pattern": "^PO-"},
 *            "contact": "Uber BV", "minAmount": 0, "maxAmount": 250, "type": "SPEND", "providerAccount": "..."},
 *  "set": {"category": "Travel", "accountCode": "493", "tags": ["travel", "taxi"]},
 *  "version": 3}
 * </pre>
 * Read back, a rule also carries {@code enabled}, and once disabled (its pattern overran its match budget)
 * {@code disabledReason} and {@code disabledAt}; these are not part of the body a client sends.
 * Unknown fields are refused (a typo never passes silently), each with its field name in the 400 answer.
 */
final class RuleJson {

    private static final Set<String> RULE_FIELDS = Set.of("priority", "match", "set", "version");
    private static final Set<String> MATCH_FIELDS = Set.of("description", "reference", "contact", "minAmount",
            "maxAmount", "type", "providerAccount");
    private static final Set<String> TEXT_FIELDS = Set.of("mode", "pattern");
    private static final Set<String> SET_FIELDS = Set.of("category", "accountCode", "tags");

    private RuleJson() {
    }

    record Parsed(int priority, RuleCondition condition, RuleOutcome outcome, Integer version) {
    }

    static Parsed parse(String text, boolean versionRequired) {
        JsonObject body = object(text);
        only(body, RULE_FIELDS, "");
        int priority = integer(body, "priority", "priority", true);
        Integer version = body.containsKey("version") ? integer(body, "version", "version", false) : null;
        if (versionRequired && version == null) {
            throw new InvalidParameterException("version", "must be the version you last read");
        }
        JsonObject match = object(body, "match");
        JsonObject set = object(body, "set");
        only(match, MATCH_FIELDS, "match.");
        only(set, SET_FIELDS, "set.");
        try {
            RuleCondition condition = new RuleCondition(text(match, "description"), text(match, "reference"),
                    string(match, "contact", "match.contact"), decimal(match, "minAmount"),
                    decimal(match, "maxAmount"), string(match, "type", "match.type"),
                    string(match, "providerAccount", "match.providerAccount"));
            RuleOutcome outcome = new RuleOutcome(string(set, "category", "set.category"),
                    string(set, "accountCode", "set.accountCode"), tags(set));
            return new Parsed(priority, condition, outcome, version);
        } catch (InvalidRuleException e) {
            throw new InvalidParameterException("rule", e.getMessage());
        }
    }

    /** The body as a JSON object; anything else (not JSON, an array, too deep) is the caller's mistake. */
    private static JsonObject object(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameterException("body", "a JSON rule is required");
        }
        JsonValue value;
        try (var reader = Json.createReader(new java.io.StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException | StackOverflowError e) {
            // Parsson refuses nesting deeper than 1,000 with a plain RuntimeException
            throw new InvalidParameterException("body", "is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidParameterException("body", "must be a JSON object");
        }
        return value.asJsonObject();
    }

    static JsonObject of(StoredRule stored) {
        RuleCondition c = stored.rule().condition();
        RuleOutcome o = stored.rule().outcome();
        JsonObjectBuilder match = Json.createObjectBuilder();
        text(match, "description", c.description());
        text(match, "reference", c.reference());
        optional(match, "contact", c.contact());
        if (c.minAmount() != null) {
            match.add("minAmount", c.minAmount());
        }
        if (c.maxAmount() != null) {
            match.add("maxAmount", c.maxAmount());
        }
        optional(match, "type", c.type());
        optional(match, "providerAccount", c.providerAccount());
        JsonObjectBuilder set = Json.createObjectBuilder().add("category", o.category())
                .add("tags", Json.createArrayBuilder(o.tags()));
        optional(set, "accountCode", o.accountCode());
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", stored.rule().id())
                .add("priority", stored.rule().priority())
                .add("match", match)
                .add("set", set)
                .add("version", stored.version())
                .add("createdAt", stored.createdAt().toString())
                .add("updatedAt", stored.updatedAt().toString())
                .add("enabled", stored.enabled());
        if (!stored.enabled()) {
            json.add("disabledReason", stored.disabledReason()).add("disabledAt", stored.disabledAt().toString());
        }
        return json.build();
    }

    private static void text(JsonObjectBuilder json, String field, TextMatch match) {
        if (match != null) {
            json.add(field, Json.createObjectBuilder().add("mode", match.mode().name()).add("pattern", match.pattern()));
        }
    }

    private static void optional(JsonObjectBuilder json, String field, String value) {
        if (value != null) {
            json.add(field, value);
        }
    }

    private static void only(JsonObject json, Set<String> allowed, String prefix) {
        for (String field : json.keySet()) {
            if (!allowed.contains(field)) {
                throw new InvalidParameterException(prefix + field, "is not a field of a rule");
            }
        }
    }

    private static JsonObject object(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (field.equals("match")) {
                throw new InvalidParameterException(field, "is required: the criteria a transaction must meet");
            }
            throw new InvalidParameterException(field, "is required: what a matching transaction gets");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidParameterException(field, "must be an object");
        }
        return value.asJsonObject();
    }

    private static int integer(JsonObject json, String field, String name, boolean required) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw new InvalidParameterException(name, "is required");
            }
            return 0;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()
                || number.bigDecimalValue().abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw new InvalidParameterException(name, "must be a whole number from -1000000 to 1000000");
        }
        return number.intValue();
    }

    private static String string(JsonObject json, String field, String name) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidParameterException(name, "must be a string");
        }
        return string.getString();
    }

    private static BigDecimal decimal(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidParameterException("match." + field, "must be a number");
        }
        BigDecimal amount = number.bigDecimalValue();
        if (amount.precision() - amount.scale() > 15 || amount.scale() > 4) {
            throw new InvalidParameterException("match." + field, "must have at most 15 digits and 4 decimals");
        }
        return amount;
    }

    private static TextMatch text(JsonObject match, String field) {
        JsonValue value = match.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidParameterException("match." + field, "must be {\"mode\": \"CONTAINS\"|\"REGEX\", \"pattern\": ...}");
        }
        JsonObject text = value.asJsonObject();
        only(text, TEXT_FIELDS, "match." + field + ".");
        String mode = string(text, "mode", "match." + field + ".mode");
        TextMatch.Mode parsed;
        try {
            parsed = TextMatch.Mode.valueOf(mode == null ? "CONTAINS" : mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("match." + field + ".mode", "must be CONTAINS or REGEX");
        }
        String pattern = string(text, "pattern", "match." + field + ".pattern");
        try {
            return new TextMatch(parsed, pattern);
        } catch (InvalidRuleException | NullPointerException e) {
            throw new InvalidParameterException("match." + field + ".pattern",
                    e instanceof InvalidRuleException ? e.getMessage() : "is required");
        }
    }

    private static List<String> tags(JsonObject set) {
        JsonValue value = set.get("tags");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidParameterException("set.tags", "must be an array of strings");
        }
        List<String> tags = new ArrayList<>();
        for (JsonValue tag : array) {
            if (!(tag instanceof JsonString string)) {
                throw new InvalidParameterException("set.tags", "must be an array of strings");
            }
            tags.add(string.getString());
        }
        return tags;
    }
}
