package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.integration.IntegrationRepository;
import io.kibly.engine.domain.model.integration.IntegrationStatus;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import io.kibly.engine.application.ConcurrentUpdateException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaIntegrationRepository implements IntegrationRepository {

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    @Override
    public void store(Integration integration) {
        em.persist(integration);
    }

    @Override
    public void update(Integration integration) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException("integration", integration.id().toString());
        }
    }

    @Override
    public Optional<Integration> find(TenantId tenantId, UUID id) {
        return em.createQuery("select i from Integration i where i.tenantId = :tenant and i.id = :id", Integration.class)
                .setParameter("tenant", tenantId)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Integration> page(TenantId tenantId, UUID after, int limit) {
        if (after == null) {
            return em.createQuery("select i from Integration i where i.tenantId = :tenant order by i.createdAt, i.id",
                            Integration.class)
                    .setParameter("tenant", tenantId)
                    .setMaxResults(limit)
                    .getResultList();
        }
        // Keyset: strictly after the (createdAt, id) of the cursor row, which must be the tenant's own.
        return em.createQuery("""
                        select i from Integration i, Integration c
                        where i.tenantId = :tenant and c.tenantId = :tenant and c.id = :after
                          and (i.createdAt > c.createdAt or (i.createdAt = c.createdAt and i.id > c.id))
                        order by i.createdAt, i.id""", Integration.class)
                .setParameter("tenant", tenantId)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<IntegrationStatus> statuses(TenantId tenantId) {
        return em.createQuery("select i.status from Integration i where i.tenantId = :tenant order by i.createdAt, i.id",
                        IntegrationStatus.class)
                .setParameter("tenant", tenantId)
                .getResultList();
    }
}
