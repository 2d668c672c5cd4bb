package io.kibly.engine.application.internal;

import io.kibly.engine.application.AuditService;
import io.kibly.engine.application.CallContext;
import io.kibly.engine.application.TenantScoped;
import io.kibly.engine.domain.model.audit.AuditEntry;
import io.kibly.engine.domain.model.audit.AuditTrail;
import io.kibly.engine.domain.model.audit.FieldChanges;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Stateless
@TenantScoped
public class DefaultAuditService implements AuditService {

    @Inject
    AuditTrail trail;

    @Inject
    CallContext call;

    @Inject
    Clock clock;

    @Override
    public void record(TenantId tenantId, String action, String targetType, String targetId, FieldChanges changes) {
        trail.append(new AuditEntry(tenantId, clock.instant(), call.actor(), action, targetType, targetId,
                call.requestId(), changes));
    }

    @Override
    public List<AuditEntry> entries(TenantId tenantId, String action, String actor, String targetId, Instant from,
            Instant to, Long before, int limit) {
        return trail.page(tenantId, action, actor, targetId, from, to, before, limit);
    }
}
