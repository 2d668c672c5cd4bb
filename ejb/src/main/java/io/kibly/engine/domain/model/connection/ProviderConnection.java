package io.kibly.engine.domain.model.connection;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An integration's live grant at its provider: the encrypted tokens, when the access token expires, the provider
 * tenants the grant covers and the one selected for syncing.
 */
@Entity
@Table(name = "provider_connection")
public class ProviderConnection {

    @Id
    @Column(name = "integration_id")
    private UUID integrationId;

    @Embedded
    private TenantId tenantId;

    @Column(name = "provider_tenant_id", length = 100)
    private String providerTenantId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String organisations;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "keyId", column = @Column(name = "access_key_id")),
            @AttributeOverride(name = "nonce", column = @Column(name = "access_nonce")),
            @AttributeOverride(name = "ciphertext", column = @Column(name = "access_ciphertext"))})
    private EncryptedSecret accessToken;

    @Column(name = "access_expires_at", nullable = false)
    private Instant accessExpiresAt;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "keyId", column = @Column(name = "refresh_key_id")),
            @AttributeOverride(name = "nonce", column = @Column(name = "refresh_nonce")),
            @AttributeOverride(name = "ciphertext", column = @Column(name = "refresh_ciphertext"))})
    private EncryptedSecret refreshToken;

    @Column(name = "connected_at", nullable = false)
    private Instant connectedAt;

    /** When the tokens were last granted or refreshed: an idle grant is refreshed before it ages out. */
    @Column(name = "refreshed_at", nullable = false)
    private Instant refreshedAt;

    @Version
    private long version;

    protected ProviderConnection() {
        // for JPA
    }

    public ProviderConnection(UUID integrationId, TenantId tenantId, List<ProviderTenant> tenants,
            EncryptedSecret accessToken, Instant accessExpiresAt, EncryptedSecret refreshToken, Instant now) {
        this.integrationId = Objects.requireNonNull(integrationId, "integrationId");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.organisations = json(tenants);
        this.providerTenantId = tenants.size() == 1 ? tenants.get(0).id() : null;
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.accessExpiresAt = Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        this.refreshToken = refreshToken;
        this.connectedAt = now;
        this.refreshedAt = now;
    }

    /** Chooses which of the covered tenants this integration syncs. */
    public void select(String tenant) {
        if (tenants().stream().noneMatch(t -> t.id().equals(tenant))) {
            throw new InvalidAuthorizationException("The grant does not cover the organisation " + tenant);
        }
        providerTenantId = tenant;
    }

    public UUID integrationId() {
        return integrationId;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    /** Whether the access token expires within {@code margin} of {@code now} (or has already). */
    public boolean accessExpiresWithin(java.time.Duration margin, Instant now) {
        return !accessExpiresAt.isAfter(now.plus(margin));
    }

    /** A refresh rotated the tokens: keep the new ones (the refresh token only if the provider sent one). */
    public void replaceTokens(EncryptedSecret newAccessToken, Instant newAccessExpiresAt, EncryptedSecret newRefreshToken,
            Instant now) {
        this.refreshedAt = now;
        this.accessToken = Objects.requireNonNull(newAccessToken, "newAccessToken");
        this.accessExpiresAt = Objects.requireNonNull(newAccessExpiresAt, "newAccessExpiresAt");
        if (newRefreshToken != null) {
            this.refreshToken = newRefreshToken;
        }
    }

    /** Re-encrypts both tokens, e.g. under a new vault key; the secrets themselves do not change. */
    public void reencrypt(java.util.function.UnaryOperator<EncryptedSecret> reencryption) {
        accessToken = reencryption.apply(accessToken);
        if (refreshToken != null) {
            refreshToken = reencryption.apply(refreshToken);
        }
    }

    public boolean isReady() {
        return providerTenantId != null;
    }

    public Optional<String> providerTenantId() {
        return Optional.ofNullable(providerTenantId);
    }

    public List<ProviderTenant> tenants() {
        try (var reader = Json.createReader(new StringReader(organisations))) {
            return reader.readArray().stream().map(JsonValue::asJsonObject)
                    .map(o -> new ProviderTenant(o.getString("id"), o.getString("name", ""))).toList();
        }
    }

    public EncryptedSecret accessToken() {
        return accessToken;
    }

    public Optional<EncryptedSecret> refreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    public Instant accessExpiresAt() {
        return accessExpiresAt;
    }

    private static String json(List<ProviderTenant> tenants) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        tenants.forEach(t -> array.add(Json.createObjectBuilder().add("id", t.id())
                .add("name", t.name() == null ? "" : t.name())));
        return array.build().toString();
    }
}
