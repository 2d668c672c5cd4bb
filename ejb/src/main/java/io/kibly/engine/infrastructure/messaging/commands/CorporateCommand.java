package io.kibly.engine.infrastructure.messaging.commands;

import io.kibly.engine.application.InputRules;
import io.kibly.engine.domain.model.sync.SyncType;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** A command as a corporate system sends it (JSON, schemas in {@code docs/jms/commands/}). */
public sealed interface CorporateCommand {

    int MAX_BODY_CHARS = 16 * 1024;

    /** The sender's id for the command: replies carry it, and a repeated TriggerSync finds the same job. */
    String commandId();

    record TriggerSync(String commandId, UUID integrationId, SyncType syncType, int priority, LocalDate dateFrom,
            LocalDate dateTo) implements CorporateCommand {
    }

    record CancelSync(String commandId, UUID jobId) implements CorporateCommand {
    }

    record RetrySync(String commandId, UUID jobId) implements CorporateCommand {
    }

    /** Reads a command, strictly: unknown fields are refused too, so a typo never passes silently. */
    static CorporateCommand parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidCommandException("The message has no body: a JSON command is expected");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new InvalidCommandException("The command is larger than " + MAX_BODY_CHARS + " characters");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidCommandException("The body is not valid JSON");
        } catch (RuntimeException e) {
            // Parsson refuses nesting deeper than 1,000 with a plain RuntimeException
            throw new InvalidCommandException("The body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidCommandException("The command must be a JSON object");
        }
        JsonObject json = value.asJsonObject();
        String unstorable = Fields.unstorable(json, "");
        if (unstorable != null) {
            // before any message echoes a field or a value: the reason is parked and logged
            throw new InvalidCommandException(unstorable + " " + InputRules.UNSTORABLE_TEXT);
        }
        String type = text(json, "type", true);
        String commandId = text(json, "commandId", true);
        if (!Fields.COMMAND_ID.matcher(commandId).matches()) {
            throw new InvalidCommandException("commandId must be 1 to 100 letters, digits or . _ : -");
        }
        return switch (type) {
            case "TriggerSync" -> {
                Fields.only(json, Set.of("type", "commandId", "integrationId", "syncType", "priority", "dateFrom",
                        "dateTo"));
                String syncType = text(json, "syncType", false);
                if (syncType != null && !syncType.equals("INCREMENTAL") && !syncType.equals("FULL")) {
                    throw new InvalidCommandException("syncType must be INCREMENTAL or FULL");
                }
                LocalDate from = date(json, "dateFrom");
                LocalDate to = date(json, "dateTo");
                if (from != null && to != null && from.isAfter(to)) {
                    throw new InvalidCommandException("dateFrom must not be after dateTo");
                }
                yield new TriggerSync(commandId, uuid(json, "integrationId"),
                        syncType == null ? SyncType.INCREMENTAL : SyncType.valueOf(syncType), priority(json), from, to);
            }
            case "CancelSync" -> {
                Fields.only(json, Set.of("type", "commandId", "jobId"));
                yield new CancelSync(commandId, uuid(json, "jobId"));
            }
            case "RetrySync" -> {
                Fields.only(json, Set.of("type", "commandId", "jobId"));
                yield new RetrySync(commandId, uuid(json, "jobId"));
            }
            default -> throw new InvalidCommandException(
                    "Unknown command type '" + type + "': expected TriggerSync, CancelSync or RetrySync");
        };
    }

    private static String text(JsonObject json, String field, boolean required) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw new InvalidCommandException(field + " is required");
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidCommandException(field + " must be a string");
        }
        return string.getString();
    }

    private static UUID uuid(JsonObject json, String field) {
        String value = text(json, field, true);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(field + " must be a UUID");
        }
    }

    private static LocalDate date(JsonObject json, String field) {
        String value = text(json, field, false);
        try {
            LocalDate date = value == null ? null : LocalDate.parse(value);
            if (!InputRules.representable(date)) {
                throw new InvalidCommandException(field + " " + InputRules.YEAR_RANGE);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidCommandException(field + " must be a date (YYYY-MM-DD)");
        }
    }

    private static int priority(JsonObject json) {
        JsonValue value = json.get("priority");
        if (value == null || value == JsonValue.NULL) {
            return 4;
        }
        // compared as the exact number: longValue() wraps (2^64 + 9 would read as 9)
        if (!(value instanceof JsonNumber number) || !number.isIntegral()
                || number.bigDecimalValue().compareTo(BigDecimal.ZERO) < 0
                || number.bigDecimalValue().compareTo(BigDecimal.valueOf(9)) > 0) {
            throw new InvalidCommandException("priority must be an integer from 0 to 9");
        }
        return number.intValue();
    }

    /** Field rules shared by the command types. */
    final class Fields {
        static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

        private Fields() {
        }

        /** The first field (a path such as {@code a.b[2]}) whose name or text PostgreSQL cannot store, or null. */
        static String unstorable(JsonValue value, String path) {
            if (value instanceof JsonString string) {
                return InputRules.storable(string.getString()) ? null : label(path);
            }
            if (value instanceof JsonObject object) {
                for (var field : object.entrySet()) {
                    if (!InputRules.storable(field.getKey())) {
                        return "a field name" + (path.isEmpty() ? "" : " in " + path);
                    }
                    String found = unstorable(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                    if (found != null) {
                        return found;
                    }
                }
            } else if (value instanceof jakarta.json.JsonArray array) {
                for (int i = 0; i < array.size(); i++) {
                    String found = unstorable(array.get(i), path + "[" + i + "]");
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        private static String label(String path) {
            return path.isEmpty() ? "the command" : path;
        }

        static void only(JsonObject json, Set<String> allowed) {
            for (String field : json.keySet()) {
                if (!allowed.contains(field)) {
                    throw new InvalidCommandException("Unknown field '" + field + "'");
                }
            }
        }
    }
}
