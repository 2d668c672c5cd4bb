package io.kibly.engine.domain.model.connection;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One start of the OAuth authorisation of an integration, found again by the {@code state} the provider echoes:
 * bound to the tenant, the user and the integration, single-use, expiring within minutes. The state itself is
 * not kept, only its hash; the PKCE verifier only encrypted.
 */
@Entity
@Table(name = "authorization_attempt")
public class AuthorizationAttempt {

    public static final Duration LIFETIME = Duration.ofMinutes(10);

    @Id
    @Column(name = "state_hash", length = 64)
    private String stateHash;

    @jakarta.persistence.Embedded
    private TenantId tenantId;

    @Column(name = "user_name", nullable = false, length = 200)
    private String user;

    @Column(name = "integration_id", nullable = false)
    private UUID integrationId;

    @Column(name = "redirect_uri", nullable = false, length = 500)
    private String redirectUri;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "keyId", column = @Column(name = "verifier_key_id")),
            @AttributeOverride(name = "nonce", column = @Column(name = "verifier_nonce")),
            @AttributeOverride(name = "ciphertext", column = @Column(name = "verifier_ciphertext"))})
    private EncryptedSecret codeVerifier;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected AuthorizationAttempt() {
        // for JPA
    }

    public AuthorizationAttempt(String stateHash, TenantId tenantId, String user, UUID integrationId,
            String redirectUri, EncryptedSecret codeVerifier, Instant now) {
        this.stateHash = Objects.requireNonNull(stateHash, "stateHash");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.user = Objects.requireNonNull(user, "user");
        this.integrationId = Objects.requireNonNull(integrationId, "integrationId");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.codeVerifier = codeVerifier;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /**
     * Uses the attempt up. It must be the caller's (same tenant and user), unused and unexpired; otherwise nothing
     * changes and the caller learns only that the state is not valid.
     */
    public void consume(TenantId caller, String callingUser, Instant now) {
        if (!tenantId.equals(caller) || !user.equals(callingUser)) {
            throw new InvalidAuthorizationException("The state does not belong to this caller");
        }
        if (consumedAt != null) {
            throw new InvalidAuthorizationException("The state was used already");
        }
        if (!now.isBefore(expiresAt)) {
            throw new InvalidAuthorizationException("The state has expired; start the authorisation again");
        }
        consumedAt = now;
    }

    public UUID integrationId() {
        return integrationId;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public Optional<EncryptedSecret> codeVerifier() {
        return Optional.ofNullable(codeVerifier);
    }
}
