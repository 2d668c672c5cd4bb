package io.kibly.engine.domain.model.audit;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields an action changed, each with its value before and after (null for none). Values are plain text; a
 * field that holds a secret is recorded as changed without its values ({@link #secret}).
 */
public final class FieldChanges {

    private static final String REDACTED = "[redacted]";

    private final Map<String, String[]> changes = new LinkedHashMap<>();

    public static FieldChanges none() {
        return new FieldChanges();
    }

    public FieldChanges field(String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(name, new String[] {text(before), text(after)});
        }
        return this;
    }

    /** A secret field changed: said, never shown. */
    public FieldChanges secret(String name) {
        changes.put(name, new String[] {REDACTED, REDACTED});
        return this;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        changes.forEach((name, values) -> {
            JsonObjectBuilder change = Json.createObjectBuilder();
            if (values[0] == null) {
                change.addNull("before");
            } else {
                change.add("before", values[0]);
            }
            if (values[1] == null) {
                change.addNull("after");
            } else {
                change.add("after", values[1]);
            }
            json.add(name, change);
        });
        return json.build().toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
