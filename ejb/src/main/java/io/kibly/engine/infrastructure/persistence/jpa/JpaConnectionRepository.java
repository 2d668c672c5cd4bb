package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.domain.model.connection.AuthorizationAttempt;
import io.kibly.engine.domain.model.connection.ConnectionRepository;
import io.kibly.engine.domain.model.connection.ProviderConnection;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaConnectionRepository implements ConnectionRepository {

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    @Override
    public void store(AuthorizationAttempt attempt) {
        em.persist(attempt);
    }

    @Override
    public Optional<AuthorizationAttempt> attemptByStateHash(String stateHash) {
        // Row-level security shows only the calling tenant's attempts.
        return Optional.ofNullable(em.find(AuthorizationAttempt.class, stateHash));
    }

    @Override
    public void store(ProviderConnection connection) {
        connectionOf(connection.tenantId(), connection.integrationId())
                .ifPresent(existing -> {
                    em.remove(existing);
                    em.flush();
                });
        em.persist(connection);
    }

    @Override
    public Optional<ProviderConnection> connectionOf(TenantId tenantId, UUID integrationId) {
        return connectionQuery(tenantId, integrationId).getResultStream().findFirst();
    }

    @Override
    public void remove(ProviderConnection connection) {
        em.remove(connection);
    }

    @Override
    public java.util.List<ProviderConnection> connectionsOf(TenantId tenantId) {
        return em.createQuery("select c from ProviderConnection c where c.tenantId = :tenant order by c.integrationId",
                        ProviderConnection.class)
                .setParameter("tenant", tenantId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public Optional<ProviderConnection> lockedConnectionOf(TenantId tenantId, UUID integrationId) {
        return connectionQuery(tenantId, integrationId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    private jakarta.persistence.TypedQuery<ProviderConnection> connectionQuery(TenantId tenantId, UUID integrationId) {
        return em.createQuery("select c from ProviderConnection c where c.tenantId = :tenant "
                        + "and c.integrationId = :integration", ProviderConnection.class)
                .setParameter("tenant", tenantId)
                .setParameter("integration", integrationId);
    }
}
