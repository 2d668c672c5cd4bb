package io.kibly.engine.application;

import io.kibly.engine.domain.model.audit.AuditEntry;
import io.kibly.engine.domain.model.audit.FieldChanges;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/** Records what callers change, and lets administrators read it back. */
public interface AuditService {

    /** Appends an entry for the current caller ({@link CallContext}), in the caller's transaction. */
    void record(@NotNull TenantId tenantId, @NotNull String action, @NotNull String targetType, String targetId,
            @NotNull FieldChanges changes);

    /** The tenant's entries, newest first; filters may be null; {@code before} is the previous page's last id. */
    List<AuditEntry> entries(@NotNull TenantId tenantId, String action, String actor, String targetId, Instant from,
            Instant to, Long before, @Min(1) @Max(500) int limit);
}
