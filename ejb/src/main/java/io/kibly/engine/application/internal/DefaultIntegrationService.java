package io.kibly.engine.application.internal;

import io.kibly.engine.application.IntegrationService;
import io.kibly.engine.application.SyncRequests;
import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.integration.IntegrationRepository;
import io.kibly.engine.domain.model.integration.IntegrationType;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.domain.model.integration.UnknownIntegrationException;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Counted;

@Stateless
public class DefaultIntegrationService implements IntegrationService {

    private static final Logger LOG = Logger.getLogger(DefaultIntegrationService.class.getName());

    @Inject
    IntegrationRepository integrations;

    @Inject
    SyncRequests syncRequests;

    @Inject
    Clock clock;

    @Override
    @Counted(name = "integrations.registered", absolute = true,
            description = "Integrations registered since the server started")
    public Integration register(TenantId tenantId, Provider provider, IntegrationType type, String name) {
        Integration integration = new Integration(tenantId, provider, type, name, clock.instant());
        integrations.store(integration);
        LOG.info(() -> "Registered " + provider + " integration " + integration.id() + " for tenant " + tenantId);
        return integration;
    }

    @Override
    public Integration find(TenantId tenantId, UUID integrationId) {
        return integrations.find(tenantId, integrationId).orElseThrow(() -> new UnknownIntegrationException(integrationId));
    }

    @Override
    public List<Integration> list(TenantId tenantId, UUID after, int limit) {
        return integrations.page(tenantId, after, limit);
    }

    @Override
    public void requestSync(TenantId tenantId, UUID integrationId) {
        find(tenantId, integrationId);
        syncRequests.send(tenantId, integrationId, clock.instant());
    }

    @Override
    public void acknowledgeSyncRequest(TenantId tenantId, UUID integrationId, Instant requestedAt) {
        find(tenantId, integrationId).acknowledgeSyncRequest(requestedAt);
    }
}
