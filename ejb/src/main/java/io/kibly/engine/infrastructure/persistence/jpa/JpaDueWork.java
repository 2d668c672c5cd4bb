package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.application.DueWork;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.domain.model.integration.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Asks through the SECURITY DEFINER functions of migration V7, the application role's only window across
 * tenants: they return (tenant, id) pairs and nothing else.
 */
@ApplicationScoped
public class JpaDueWork implements DueWork {

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    @Override
    public List<Item> stalledJobs(Instant staleBefore) {
        return items("select tenant_id, job_id from engine.stalled_sync_jobs(?1)", Timestamp.from(staleBefore));
    }

    @Override
    public List<Item> integrationsDueForSync() {
        return items("select tenant_id, integration_id from engine.integrations_due_for_sync()");
    }

    @Override
    public List<Item> connectionsToRefresh(Instant refreshedBefore) {
        return items("select tenant_id, integration_id from engine.connections_to_refresh(?1)",
                Timestamp.from(refreshedBefore));
    }

    @Override
    public List<Item> connectionsNotUnderKey(String activeKeyId) {
        return items("select tenant_id, integration_id from engine.connections_not_under_key(?1)", activeKeyId);
    }

    @Override
    public List<Item> integrationsOf(Provider provider, String providerTenantId) {
        return items("select tenant_id, integration_id from engine.integrations_of_provider_tenant(?1, ?2)",
                provider.name(), providerTenantId);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean firstDelivery(Provider provider, String eventKey) {
        return em.createNativeQuery("insert into engine.webhook_event (provider, event_key, received_at)"
                        + " values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, provider.name()).setParameter(2, eventKey).executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetWebhookEventsBefore(Instant cutoff) {
        // webhook_event holds no tenant data (no row-level security): the application role may delete across it
        return em.createNativeQuery("delete from engine.webhook_event where received_at < ?1")
                .setParameter(1, Timestamp.from(cutoff)).executeUpdate();
    }

    private List<Item> items(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(1000).getResultList();
        return rows.stream().map(row -> new Item(new TenantId((String) row[0]), (UUID) row[1])).toList();
    }
}
