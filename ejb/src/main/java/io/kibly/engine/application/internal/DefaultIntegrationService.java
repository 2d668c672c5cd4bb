package io.kibly.engine.application.internal;

import io.kibly.engine.application.AuditService;
import io.kibly.engine.application.ConcurrentUpdateException;
import io.kibly.engine.application.IntegrationService;
import io.kibly.engine.application.TenantScoped;
import io.kibly.engine.domain.model.audit.FieldChanges;
import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.integration.IntegrationRepository;
import io.kibly.engine.domain.model.integration.IntegrationStatus;
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
@TenantScoped
public class DefaultIntegrationService implements IntegrationService {

    private static final Logger LOG = Logger.getLogger(DefaultIntegrationService.class.getName());
    private static final String TARGET = "integration";

    @Inject
    IntegrationRepository integrations;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Override
    @Counted(name = "integrations.registered", absolute = true,
            description = "Integrations registered since the server started")
    public Integration register(TenantId tenantId, Provider provider, IntegrationType type, String name) {
        Integration integration = new Integration(tenantId, provider, type, name, clock.instant());
        integrations.store(integration);
        audit.record(tenantId, "integration.registered", TARGET, integration.id().toString(), FieldChanges.none()
                .field("provider", null, provider.apiName())
                .field("integrationType", null, type.apiName())
                .field("name", null, integration.name())
                .field("status", null, integration.status()));
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
    public List<IntegrationStatus> statuses(TenantId tenantId) {
        return integrations.statuses(tenantId);
    }

    @Override
    public Integration update(TenantId tenantId, UUID integrationId, String name, Integer syncIntervalMinutes,
            long expectedVersion) {
        Integration integration = find(tenantId, integrationId);
        if (integration.version() != expectedVersion) {
            throw new ConcurrentUpdateException(TARGET, integrationId.toString());
        }
        if (name != null) {
            String before = integration.name();
            integration.rename(name);
            audit.record(tenantId, "integration.renamed", TARGET, integrationId.toString(),
                    FieldChanges.none().field("name", before, integration.name()));
        }
        if (syncIntervalMinutes != null) {
            int before = integration.syncIntervalMinutes();
            integration.scheduleSyncs(syncIntervalMinutes);
            audit.record(tenantId, "integration.sync-schedule-changed", TARGET, integrationId.toString(),
                    FieldChanges.none().field("syncIntervalMinutes", before, syncIntervalMinutes));
        }
        integrations.update(integration);
        return integration;
    }
}
