package io.kibly.engine.interfaces.integration.rest;

import io.kibly.engine.domain.model.integration.Integration;
import java.time.Instant;
import java.util.UUID;

/** An integration as the API shows it; {@code version} is what a change must name (optimistic locking). */
public record IntegrationRepresentation(UUID id, String provider, String name, String integrationType,
        String status, String statusReason, Instant createdAt, Instant lastSyncRequestedAt, int syncIntervalMinutes,
        long version) {

    static IntegrationRepresentation of(Integration integration) {
        return new IntegrationRepresentation(integration.id(), integration.provider().apiName(), integration.name(),
                integration.type().apiName(), integration.status().name(), integration.statusReason().orElse(null),
                integration.createdAt(),
                integration.lastSyncRequestedAt().orElse(null), integration.syncIntervalMinutes(), integration.version());
    }
}
