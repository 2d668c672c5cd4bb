package io.kibly.engine.domain.model.audit;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** Appends to and reads the tenant's audit trail; there is no way to change or remove an entry. */
public interface AuditTrail {

    void append(AuditEntry entry);

    /**
     * The tenant's entries, newest first, matching the filters (null for any), before the entry id {@code before}
     * (null for the newest).
     */
    List<AuditEntry> page(TenantId tenantId, String action, String actor, String targetId, Instant from, Instant to,
            Long before, int limit);
}
