package io.kibly.engine.domain.model.integration;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's connection to one accounting provider. Created {@link IntegrationStatus#PENDING_AUTH}; the
 * authorisation flow activates it. Its id is assigned on creation so that it can be handed out (and put on a
 * queue) before the row is flushed.
 */
@Entity
@Table(name = "integration")
public class Integration {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int DEFAULT_SYNC_INTERVAL_MINUTES = 60;
    /** A week: the longest schedule (an idle integration still syncs at least weekly unless turned off). */
    public static final int MAX_SYNC_INTERVAL_MINUTES = 10_080;

    @Id
    private UUID id;

    @Embedded
    private TenantId tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Provider provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "integration_type", nullable = false, length = 20)
    private IntegrationType type;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private IntegrationStatus status;

    @Column(name = "status_reason", length = 500)
    private String statusReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_sync_requested_at")
    private Instant lastSyncRequestedAt;

    /** Minutes between scheduled incremental syncs; 0: none. */
    @Column(name = "sync_interval_minutes", nullable = false)
    private int syncIntervalMinutes = DEFAULT_SYNC_INTERVAL_MINUTES;

    @Version
    private long version;

    protected Integration() {
        // for JPA
    }

    public Integration(TenantId tenantId, Provider provider, IntegrationType type, String name, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.type = Objects.requireNonNull(type, "type");
        this.name = validName(name);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = IntegrationStatus.PENDING_AUTH;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an integration needs a name");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("an integration name has at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    /** The tenant authorised the engine at the provider: syncs may run. */
    public void activate() {
        if (status == IntegrationStatus.DISCONNECTED) {
            throw new IllegalStateException("A disconnected integration cannot be activated; register a new one");
        }
        status = IntegrationStatus.ACTIVE;
        statusReason = null;
    }

    /** The tenant disconnected the integration: no more syncs; what was imported stays. */
    public void disconnect() {
        status = IntegrationStatus.DISCONNECTED;
        statusReason = "Disconnected by the tenant";
    }

    /** The provider no longer honours our grant: nothing syncs until the tenant authorises again. */
    public void requireReauthorisation(String reason) {
        status = IntegrationStatus.NEEDS_REAUTH;
        statusReason = reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    /** Gives the integration another name (trimmed; 1 to {@value #MAX_NAME_LENGTH} characters). */
    public void rename(String newName) {
        this.name = validName(newName);
    }

    /** Sets how often the schedule syncs it incrementally (minutes; 0 turns scheduled syncs off). */
    public void scheduleSyncs(int everyMinutes) {
        if (everyMinutes < 0 || everyMinutes > MAX_SYNC_INTERVAL_MINUTES) {
            throw new IllegalArgumentException("syncIntervalMinutes must be from 0 to " + MAX_SYNC_INTERVAL_MINUTES);
        }
        this.syncIntervalMinutes = everyMinutes;
    }

    public int syncIntervalMinutes() {
        return syncIntervalMinutes;
    }

    /**
     * A sync worker picked up a request to sync this integration. Kept monotonic: a request acknowledged out of
     * order never moves the timestamp back.
     */
    public void acknowledgeSyncRequest(Instant requestedAt) {
        if (lastSyncRequestedAt == null || requestedAt.isAfter(lastSyncRequestedAt)) {
            lastSyncRequestedAt = requestedAt;
        }
    }

    public UUID id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public Provider provider() {
        return provider;
    }

    public IntegrationType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public IntegrationStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastSyncRequestedAt() {
        return Optional.ofNullable(lastSyncRequestedAt);
    }

    public long version() {
        return version;
    }
}
