package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.domain.model.audit.AuditEntry;
import io.kibly.engine.domain.model.audit.AuditTrail;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    @Override
    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<AuditEntry> page(TenantId tenantId, String action, String actor, String targetId, Instant from,
            Instant to, Long before, int limit) {
        StringBuilder jpql = new StringBuilder("select a from AuditEntry a where a.tenantId = :tenant");
        if (action != null) {
            jpql.append(" and a.action = :action");
        }
        if (actor != null) {
            jpql.append(" and a.actor = :actor");
        }
        if (targetId != null) {
            jpql.append(" and a.targetId = :targetId");
        }
        if (from != null) {
            jpql.append(" and a.occurredAt >= :from");
        }
        if (to != null) {
            jpql.append(" and a.occurredAt < :to");
        }
        if (before != null) {
            jpql.append(" and a.id < :before");
        }
        jpql.append(" order by a.id desc");
        TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class)
                .setParameter("tenant", tenantId)
                .setMaxResults(limit);
        if (action != null) {
            query.setParameter("action", action);
        }
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (targetId != null) {
            query.setParameter("targetId", targetId);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.getResultList();
    }
}
