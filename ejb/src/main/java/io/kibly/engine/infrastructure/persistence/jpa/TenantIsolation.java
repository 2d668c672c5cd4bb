package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.application.TenantScoped;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Binds the current transaction to the tenant of a {@link TenantScoped} call, for PostgreSQL's row-level security:
 * {@code set_config('kibly.tenant_id', tenant, true)} lasts until the transaction ends, on the connection all of
 * the transaction's statements share. The queries stay scoped in code too; this is the second wall.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantIsolation {

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    @AroundInvoke
    Object bindTenant(InvocationContext call) throws Exception {
        for (Object parameter : call.getParameters()) {
            if (parameter instanceof TenantId tenantId) {
                em.createNativeQuery("select set_config('kibly.tenant_id', ?1, true)")
                        .setParameter(1, tenantId.id())
                        .getSingleResult();
                break;
            }
        }
        return call.proceed();
    }
}
