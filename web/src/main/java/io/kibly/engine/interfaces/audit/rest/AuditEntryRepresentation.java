package io.kibly.engine.interfaces.audit.rest;

import io.kibly.engine.domain.model.audit.AuditEntry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/** An audit entry as the API shows it. */
public record AuditEntryRepresentation(long id, Instant occurredAt, String actor, String action, String targetType,
        String targetId, String requestId, JsonObject changes) {

    static AuditEntryRepresentation of(AuditEntry entry) {
        try (var reader = Json.createReader(new StringReader(entry.changes()))) {
            return new AuditEntryRepresentation(entry.id(), entry.occurredAt(), entry.actor(), entry.action(),
                    entry.targetType(), entry.targetId(), entry.requestId(), reader.readObject());
        }
    }
}
