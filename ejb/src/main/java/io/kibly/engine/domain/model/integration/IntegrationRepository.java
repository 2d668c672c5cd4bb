package io.kibly.engine.domain.model.integration;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Integrations, always seen through their tenant: another tenant's integration is simply not found. */
public interface IntegrationRepository {

    void store(Integration integration);

    /**
     * Writes the integration's changes now.
     *
     * @throws io.kibly.engine.application.ConcurrentUpdateException if someone else changed it since it was read
     */
    void update(Integration integration);

    Optional<Integration> find(TenantId tenantId, UUID id);

    /**
     * One page of the tenant's integrations, oldest first (keyset pagination).
     *
     * @param after the id of the last integration of the previous page, or {@code null} for the first page
     */
    List<Integration> page(TenantId tenantId, UUID after, int limit);

    /** Every integration's status, in creation order; for reports over a whole tenant. */
    List<IntegrationStatus> statuses(TenantId tenantId);
}
