package io.kibly.engine.application;

import io.kibly.engine.domain.model.connection.ProviderTenant;
import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Connecting an integration to its provider: the OAuth 2.0 authorisation code flow and the choice of tenant. */
public interface ConnectionService {

    /**
     * Starts an authorisation: a single-use {@code state} bound to the tenant, the user and the integration, PKCE
     * for Xero, and the provider's consent URL. The redirect URI must be one the engine registered.
     */
    URI startAuthorization(@NotNull TenantId tenantId, @NotNull String user, @NotNull UUID integrationId,
            @NotNull String redirectUri);

    /**
     * Completes it with what the provider sent back to the redirect URI: exchanges the code, discovers the provider
     * tenants and activates the integration when the grant names exactly one (else it waits for
     * {@link #selectProviderTenant}).
     */
    Connected completeAuthorization(@NotNull TenantId tenantId, @NotNull String user, @NotNull String code,
            @NotNull String state, String realmId);

    /** Chooses which of the grant's organisations the integration syncs, and activates it. */
    Connected selectProviderTenant(@NotNull TenantId tenantId, @NotNull UUID integrationId,
            @NotNull String providerTenantId);

    /**
     * Proves the integration can reach its provider now: a valid access token (refreshed first when it expires
     * within the margin, once for all concurrent callers) and one cheap authenticated call.
     *
     * @return the provider tenant the call reached
     * @throws NeedsReauthorisationException if the provider refused the grant (the integration is NEEDS_REAUTH)
     */
    String checkConnection(@NotNull TenantId tenantId, @NotNull UUID integrationId);

    /**
     * Disconnects the integration: ends the grant at the provider (when there is one it still honours), erases the
     * tokens and sets the integration DISCONNECTED. Imported data is kept.
     */
    Integration disconnect(@NotNull TenantId tenantId, @NotNull UUID integrationId);

    /**
     * Re-encrypts every token of the tenant's connections under the vault's active key (after a new key was
     * added and made active; the old one can be retired once every tenant has rotated).
     *
     * @return how many connections were re-encrypted, and the active key's id
     */
    KeyRotation rotateKeys(@NotNull TenantId tenantId);

    /**
     * Refreshes the grant now although no call needs it: keeps an idle connection's refresh token from ageing
     * out. A refused refresh leaves the integration NEEDS_REAUTH with the reason.
     *
     * @return whether the grant is still good
     */
    boolean refreshGrant(@NotNull TenantId tenantId, @NotNull UUID integrationId);

    /** What a key rotation did. */
    record KeyRotation(int connections, String activeKeyId) {
    }

    /** The outcome: the integration, the tenants the grant covers, and the selected one (null until chosen). */
    record Connected(Integration integration, List<ProviderTenant> providerTenants, String selectedProviderTenant) {
    }
}
