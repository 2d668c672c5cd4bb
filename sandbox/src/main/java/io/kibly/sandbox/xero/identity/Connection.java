package io.kibly.sandbox.xero.identity;

import java.time.Instant;
import java.util.UUID;

/** One organisation an app is connected to, as {@code GET /connections} lists it. */
public record Connection(UUID id, String tenantId, String tenantName, String tenantType, UUID authEventId,
                         Instant createdDateUtc, Instant updatedDateUtc) {
}
