package io.kibly.engine.infrastructure.batch;

import io.kibly.engine.batch.census.IntegrationStatusSource;
import io.kibly.engine.application.IntegrationService;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Implements the census job's port; named after it so that {@code BatchPorts.lookup} finds it. */
@Stateless(name = "IntegrationStatusSource")
@Local(IntegrationStatusSource.class)
public class IntegrationStatusSourceBean implements IntegrationStatusSource {

    @Inject
    IntegrationService integrations;

    @Override
    public List<String> statusesOf(String tenantId) {
        return integrations.statuses(new TenantId(tenantId)).stream().map(Enum::name).toList();
    }
}
