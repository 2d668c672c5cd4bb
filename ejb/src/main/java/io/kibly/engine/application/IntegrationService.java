package io.kibly.engine.application;

import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.integration.IntegrationStatus;
import io.kibly.engine.domain.model.integration.IntegrationType;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Registering and reading a tenant's integrations. */
public interface IntegrationService {

    /** Registers a new integration, {@code PENDING_AUTH} until the tenant authorises it; returns it. */
    Integration register(@NotNull TenantId tenantId, @NotNull Provider provider, @NotNull IntegrationType type,
            @NotNull String name);

    /** @throws io.kibly.engine.domain.model.integration.UnknownIntegrationException if the tenant has none */
    Integration find(@NotNull TenantId tenantId, @NotNull UUID integrationId);

    /** A page of the tenant's integrations, oldest first, after the given id (null for the first page). */
    List<Integration> list(@NotNull TenantId tenantId, UUID after, @Min(1) @Max(500) int limit);

    /** Every integration's status, in creation order. */
    List<IntegrationStatus> statuses(@NotNull TenantId tenantId);

    /**
     * Renames the integration, provided it is still at {@code expectedVersion} (optimistic locking).
     *
     * @throws ConcurrentUpdateException if it changed since the caller read that version
     */
    Integration update(@NotNull TenantId tenantId, @NotNull UUID integrationId, String name,
            Integer syncIntervalMinutes, long expectedVersion);
}
