package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.sync.SyncJobRepository;
import io.kibly.engine.domain.model.sync.SyncStatus;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaSyncJobRepository implements SyncJobRepository {

    private static final List<SyncStatus> ACTIVE = List.of(SyncStatus.QUEUED, SyncStatus.RUNNING,
            SyncStatus.RETRY_SCHEDULED);

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    @Override
    public void store(SyncJob job) {
        em.persist(job);
        em.flush();
    }

    @Override
    public Optional<SyncJob> find(TenantId tenantId, UUID id) {
        return query(tenantId, id).getResultStream().findFirst();
    }

    @Override
    public Optional<SyncJob> findLocked(TenantId tenantId, UUID id) {
        return query(tenantId, id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private TypedQuery<SyncJob> query(TenantId tenantId, UUID id) {
        return em.createQuery("select j from SyncJob j where j.tenantId = :tenant and j.id = :id", SyncJob.class)
                .setParameter("tenant", tenantId).setParameter("id", id);
    }

    @Override
    public Optional<SyncJob> activeFor(TenantId tenantId, UUID integrationId) {
        return em.createQuery("select j from SyncJob j where j.tenantId = :tenant and j.integrationId = :integration"
                        + " and j.status in :active", SyncJob.class)
                .setParameter("tenant", tenantId).setParameter("integration", integrationId)
                .setParameter("active", ACTIVE).getResultStream().findFirst();
    }

    @Override
    public Optional<SyncJob> byIdempotencyKey(TenantId tenantId, String idempotencyKey) {
        return em.createQuery("select j from SyncJob j where j.tenantId = :tenant and j.idempotencyKey = :key",
                        SyncJob.class)
                .setParameter("tenant", tenantId).setParameter("key", idempotencyKey).getResultStream().findFirst();
    }

    @Override
    public List<SyncJob> page(TenantId tenantId, UUID integrationId, SyncStatus status, UUID after, int limit) {
        StringBuilder jpql = new StringBuilder("select j from SyncJob j where j.tenantId = :tenant");
        if (integrationId != null) {
            jpql.append(" and j.integrationId = :integration");
        }
        if (status != null) {
            jpql.append(" and j.status = :status");
        }
        if (after != null) {
            // keyset, newest first: strictly before the (createdAt, id) of the tenant's own cursor row
            jpql.append(" and exists (select c from SyncJob c where c.tenantId = :tenant and c.id = :after"
                    + " and (j.createdAt < c.createdAt or (j.createdAt = c.createdAt and j.id < c.id)))");
        }
        jpql.append(" order by j.createdAt desc, j.id desc");
        TypedQuery<SyncJob> query = em.createQuery(jpql.toString(), SyncJob.class).setParameter("tenant", tenantId)
                .setMaxResults(limit);
        if (integrationId != null) {
            query.setParameter("integration", integrationId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }

    @Override
    public Instant cursor(TenantId tenantId, UUID integrationId, String entity) {
        List<?> rows = em.createNativeQuery("select modified_since from engine.sync_cursor"
                        + " where tenant_id = ?1 and integration_id = ?2 and entity = ?3")
                .setParameter(1, tenantId.id()).setParameter(2, integrationId).setParameter(3, entity)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        return SqlValues.instant(rows.get(0));
    }

    @Override
    public Optional<SyncStatus> status(TenantId tenantId, UUID id) {
        List<?> rows = em.createNativeQuery("select status from engine.sync_job where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenantId.id()).setParameter(2, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(SyncStatus.valueOf((String) rows.get(0)));
    }

    @Override
    public List<io.kibly.engine.domain.model.sync.SyncPartition> partitions(TenantId tenantId, UUID jobId) {
        List<?> rows = em.createNativeQuery("select idx, after_time, until_time, since, page, done, pages, rows_stored"
                + " from engine.sync_partition where tenant_id = ?1 and job_id = ?2 order by idx")
                .setParameter(1, tenantId.id()).setParameter(2, jobId).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new io.kibly.engine.domain.model.sync.SyncPartition(((Number) r[0]).intValue(),
                    SqlValues.instant(r[1]), SqlValues.instant(r[2]), SqlValues.instant(r[3]),
                    ((Number) r[4]).intValue(), (Boolean) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).longValue());
        }).toList();
    }

    @Override
    public void savePartition(TenantId tenantId, UUID jobId, io.kibly.engine.domain.model.sync.SyncPartition p,
            Instant now) {
        // plain JDBC: null windows bounds must travel typed, which Hibernate's native parameters do not promise
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement save = connection.prepareStatement("""
                    insert into engine.sync_partition (tenant_id, job_id, idx, after_time, until_time, since, page,
                        done, pages, rows_stored, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (job_id, idx) do update set since = excluded.since, page = excluded.page,
                        done = excluded.done, pages = excluded.pages, rows_stored = excluded.rows_stored,
                        updated_at = excluded.updated_at""")) {
                save.setString(1, tenantId.id());
                save.setObject(2, jobId);
                save.setShort(3, (short) p.index());
                save.setTimestamp(4, timestamp(p.after()));
                save.setTimestamp(5, timestamp(p.until()));
                save.setTimestamp(6, timestamp(p.since()));
                save.setInt(7, p.page());
                save.setBoolean(8, p.done());
                save.setInt(9, p.pages());
                save.setLong(10, p.rows());
                save.setTimestamp(11, Timestamp.from(now));
                save.executeUpdate();
            }
        });
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public void moveCursor(TenantId tenantId, UUID integrationId, String entity, Instant modifiedSince, Instant now) {
        em.createNativeQuery("""
                        insert into engine.sync_cursor (integration_id, entity, tenant_id, modified_since, moved_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (integration_id, entity) do update
                        set modified_since = greatest(sync_cursor.modified_since, excluded.modified_since),
                            moved_at = excluded.moved_at""")
                .setParameter(1, integrationId).setParameter(2, entity).setParameter(3, tenantId.id())
                .setParameter(4, Timestamp.from(modifiedSince)).setParameter(5, Timestamp.from(now))
                .executeUpdate();
    }
}
