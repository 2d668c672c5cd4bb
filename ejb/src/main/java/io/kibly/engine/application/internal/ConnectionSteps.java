package io.kibly.engine.application.internal;

import io.kibly.engine.application.AuditService;
import io.kibly.engine.application.ConnectionService.Connected;
import io.kibly.engine.application.ProviderAuthorization;
import io.kibly.engine.application.TenantScoped;
import io.kibly.engine.domain.model.audit.FieldChanges;
import io.kibly.engine.domain.model.connection.AuthorizationAttempt;
import io.kibly.engine.domain.model.connection.ConnectionRepository;
import io.kibly.engine.domain.model.connection.InvalidAuthorizationException;
import io.kibly.engine.domain.model.connection.ProviderConnection;
import io.kibly.engine.domain.model.connection.ProviderTenant;
import io.kibly.engine.domain.model.connection.TokenVault;
import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.integration.IntegrationRepository;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.domain.model.integration.UnknownIntegrationException;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The transactional steps of connecting an integration (each its own transaction, bound to the tenant). */
@Stateless
@TenantScoped
public class ConnectionSteps {

    private static final String TARGET = "integration";

    @Inject
    IntegrationRepository integrations;
    @Inject
    io.kibly.engine.application.OutboundEvents events;

    @Inject
    ConnectionRepository connections;

    @Inject
    TokenVault vault;

    @Inject
    ProviderAuthorization providers;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<io.kibly.engine.application.EngineEvents.TokensRefreshed> refreshed;

    /** The redirect URIs registered with the providers; any other is refused. */
    @Inject
    @ConfigProperty(name = "kibly.oauth.redirect-uris", defaultValue = "http://localhost:8080/admin/oauth-callback.html")
    String registeredRedirectUris;

    /** What a consumed attempt hands to the exchange (the verifier decrypted, for this call only). */
    public record Consumed(UUID integrationId, Provider provider, String redirectUri, String codeVerifier) {
        @Override
        public String toString() {
            return "Consumed[" + integrationId + "]";
        }
    }

    /** A usable access token, or why there is none. {@code toString} shows no token. */
    public record Access(Provider provider, String accessToken, String providerTenantId, String reauthorisationReason) {
        @Override
        public String toString() {
            return "Access[" + provider + ", " + providerTenantId + "]";
        }
    }

    /** Refresh this long before the access token expires, so that no provider call carries a dying token. */
    @Inject
    @ConfigProperty(name = "kibly.connections.refresh-margin-seconds", defaultValue = "300")
    long refreshMarginSeconds;

    /**
     * The connection's access token, refreshed first when it expires within the margin. The connection row stays
     * locked from the read to the commit, so concurrent callers queue and find the token the first one refreshed;
     * the rotated refresh token is committed in the same transaction as the call that received it.
     */
    public Access validAccessToken(TenantId tenantId, UUID integrationId) {
        return accessToken(tenantId, integrationId, false);
    }

    /**
     * Refreshes the grant now, whatever the access token's expiry: an idle connection's refresh token would
     * otherwise age out (Xero: 60 days unused). Same lock and same transaction rules as
     * {@link #validAccessToken}.
     */
    public Access refreshGrant(TenantId tenantId, UUID integrationId) {
        return accessToken(tenantId, integrationId, true);
    }

    private Access accessToken(TenantId tenantId, UUID integrationId, boolean forceRefresh) {
        Integration integration = integration(tenantId, integrationId);
        ProviderConnection connection = connections.lockedConnectionOf(tenantId, integrationId)
                .orElseThrow(() -> new InvalidAuthorizationException("The integration is not authorised yet"));
        String providerTenant = connection.providerTenantId()
                .orElseThrow(() -> new InvalidAuthorizationException("Choose the organisation first"));
        if (integration.status() == io.kibly.engine.domain.model.integration.IntegrationStatus.NEEDS_REAUTH) {
            return new Access(integration.provider(), null, providerTenant,
                    integration.statusReason().orElse("The integration needs re-authorisation"));
        }
        if (!forceRefresh
                && !connection.accessExpiresWithin(java.time.Duration.ofSeconds(refreshMarginSeconds), clock.instant())) {
            return new Access(integration.provider(), vault.decrypt(connection.accessToken()), providerTenant, null);
        }
        String refreshToken = connection.refreshToken().map(vault::decrypt).orElse(null);
        if (refreshToken == null) {
            return reauthorise(tenantId, integration, "The access token expired and the grant has no refresh token");
        }
        ProviderAuthorization.Grant grant;
        try {
            grant = providers.refresh(integration.provider(), refreshToken);
        } catch (io.kibly.engine.application.GrantRevokedException e) {
            return reauthorise(tenantId, integration, e.getMessage() + ": authorise the integration again");
        }
        connection.replaceTokens(vault.encrypt(grant.accessToken()), grant.accessExpiresAt(),
                grant.refreshToken() == null ? null : vault.encrypt(grant.refreshToken()), clock.instant());
        refreshed.fire(new io.kibly.engine.application.EngineEvents.TokensRefreshed(integration.provider()));
        audit.record(tenantId, "integration.tokens-refreshed", TARGET, integrationId.toString(),
                FieldChanges.none().field("accessExpiresAt", null, grant.accessExpiresAt()).secret("tokens"));
        return new Access(integration.provider(), grant.accessToken(), providerTenant, null);
    }

    public io.kibly.engine.application.ConnectionService.KeyRotation rotateKeys(TenantId tenantId) {
        List<ProviderConnection> all = connections.connectionsOf(tenantId);
        all.forEach(connection -> connection.reencrypt(vault::reencrypt));
        audit.record(tenantId, "connections.keys-rotated", "tenant", tenantId.id(), FieldChanges.none()
                .field("connections", null, all.size()).field("activeKeyId", null, vault.activeKeyId()));
        return new io.kibly.engine.application.ConnectionService.KeyRotation(all.size(), vault.activeKeyId());
    }

    /** The tokens of a grant to end at the provider. {@code toString} shows none. */
    public record Grant(Provider provider, String accessToken, String refreshToken, String providerTenantId) {
        @Override
        public String toString() {
            return "Grant[" + provider + "]";
        }
    }

    /** The grant to end before disconnecting, or null when there is none the provider would still honour. */
    public Grant grantToEnd(TenantId tenantId, UUID integrationId) {
        Integration integration = integration(tenantId, integrationId);
        if (integration.status() == io.kibly.engine.domain.model.integration.IntegrationStatus.NEEDS_REAUTH) {
            return null;
        }
        return connections.connectionOf(tenantId, integrationId)
                .map(c -> new Grant(integration.provider(), vault.decrypt(c.accessToken()),
                        c.refreshToken().map(vault::decrypt).orElse(null), c.providerTenantId().orElse(null)))
                .orElse(null);
    }

    public Integration disconnect(TenantId tenantId, UUID integrationId, boolean revokedAtProvider) {
        Integration integration = integration(tenantId, integrationId);
        connections.connectionOf(tenantId, integrationId).ifPresent(connections::remove);
        String before = integration.status().name();
        integration.disconnect();
        audit.record(tenantId, "integration.disconnected", TARGET, integrationId.toString(), FieldChanges.none()
                .field("status", before, integration.status())
                .field("revokedAtProvider", null, revokedAtProvider)
                .secret("tokens"));
        return integration;
    }

    public void requireReauthorisation(TenantId tenantId, UUID integrationId, String reason) {
        reauthorise(tenantId, integration(tenantId, integrationId), reason);
    }

    private Access reauthorise(TenantId tenantId, Integration integration, String reason) {
        String before = integration.status().name();
        integration.requireReauthorisation(reason);
        if (!before.equals(integration.status().name())) {
            events.integrationNeedsReauthorisation(tenantId, integration, reason);
        }
        audit.record(tenantId, "integration.needs-reauthorisation", TARGET, integration.id().toString(),
                FieldChanges.none().field("status", before, integration.status()).field("reason", null, reason));
        return new Access(integration.provider(), null, null, reason);
    }

    public Integration integration(TenantId tenantId, UUID integrationId) {
        return integrations.find(tenantId, integrationId).orElseThrow(() -> new UnknownIntegrationException(integrationId));
    }

    public void recordAttempt(TenantId tenantId, String user, UUID integrationId, String redirectUri, String stateHash,
            String codeVerifier) {
        Set<String> registered = Set.of(registeredRedirectUris.split("\\s*,\\s*"));
        if (!registered.contains(redirectUri)) {
            throw new InvalidAuthorizationException("redirectUri is not one registered with the provider");
        }
        integration(tenantId, integrationId);
        connections.store(new AuthorizationAttempt(stateHash, tenantId, user, integrationId, redirectUri,
                codeVerifier == null ? null : vault.encrypt(codeVerifier), clock.instant()));
        audit.record(tenantId, "integration.authorization-started", TARGET, integrationId.toString(),
                FieldChanges.none());
    }

    public Consumed consumeAttempt(TenantId tenantId, String user, String stateHash) {
        AuthorizationAttempt attempt = connections.attemptByStateHash(stateHash)
                .orElseThrow(() -> new InvalidAuthorizationException("Unknown state"));
        attempt.consume(tenantId, user, clock.instant());
        Integration integration = integration(tenantId, attempt.integrationId());
        return new Consumed(attempt.integrationId(), integration.provider(), attempt.redirectUri(),
                attempt.codeVerifier().map(vault::decrypt).orElse(null));
    }

    public Connected storeConnection(TenantId tenantId, UUID integrationId, ProviderAuthorization.Grant grant,
            List<ProviderTenant> tenants) {
        Integration integration = integration(tenantId, integrationId);
        ProviderConnection connection = new ProviderConnection(integrationId, tenantId, tenants,
                vault.encrypt(grant.accessToken()), grant.accessExpiresAt(),
                grant.refreshToken() == null ? null : vault.encrypt(grant.refreshToken()), clock.instant());
        connections.store(connection);
        String before = integration.status().name();
        if (connection.isReady()) {
            integration.activate();
            events.integrationConnected(tenantId, integration);
        }
        audit.record(tenantId, "integration.connected", TARGET, integrationId.toString(), FieldChanges.none()
                .field("status", before, integration.status())
                .field("providerTenants", null, tenants.stream().map(ProviderTenant::id).collect(Collectors.joining(",")))
                .field("providerTenant", null, connection.providerTenantId().orElse(null))
                .secret("tokens"));
        return new Connected(integration, tenants, connection.providerTenantId().orElse(null));
    }

    public Connected selectProviderTenant(TenantId tenantId, UUID integrationId, String providerTenantId) {
        Integration integration = integration(tenantId, integrationId);
        ProviderConnection connection = connections.connectionOf(tenantId, integrationId)
                .orElseThrow(() -> new InvalidAuthorizationException("The integration is not authorised yet"));
        String before = connection.providerTenantId().orElse(null);
        connection.select(providerTenantId);
        String statusBefore = integration.status().name();
        integration.activate();
        if (!statusBefore.equals(integration.status().name())) {
            events.integrationConnected(tenantId, integration);
        }
        audit.record(tenantId, "integration.provider-tenant-selected", TARGET, integrationId.toString(),
                FieldChanges.none().field("providerTenant", before, providerTenantId)
                        .field("status", statusBefore, integration.status()));
        return new Connected(integration, connection.tenants(), providerTenantId);
    }
}
