package io.kibly.engine.domain.model.audit;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One audited change. Immutable once written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private TenantId tenantId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(nullable = false, length = 100)
    private String action;

    @Column(name = "target_type", nullable = false, length = 50)
    private String targetType;

    @Column(name = "target_id", length = 100)
    private String targetId;

    @Column(name = "request_id", length = 100)
    private String requestId;

    /** {@code {"field": {"before": ..., "after": ...}}} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String changes;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(TenantId tenantId, Instant occurredAt, String actor, String action, String targetType,
            String targetId, String requestId, FieldChanges changes) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actor = truncate(Objects.requireNonNull(actor, "actor"), 200);
        this.action = Objects.requireNonNull(action, "action");
        this.targetType = Objects.requireNonNull(targetType, "targetType");
        this.targetId = targetId;
        this.requestId = requestId == null ? null : truncate(requestId, 100);
        this.changes = changes.toJson();
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    public Long id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public String requestId() {
        return requestId;
    }

    public String changes() {
        return changes;
    }
}
