package io.kibly.engine.application;

import io.kibly.engine.domain.model.connection.ProviderTenant;
import io.kibly.engine.domain.model.integration.Provider;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Port: the providers' OAuth 2.0 endpoints (Xero identity, Intuit OAuth), spoken over HTTP by the gateways.
 * Called outside database transactions.
 */
public interface ProviderAuthorization {

    /**
     * Where to send the user to consent; {@code codeChallenge} (PKCE S256) may be null; {@code nonce} (OpenID
     * Connect, echoed in the grant's {@link Identity}) is sent to providers that take it (Intuit).
     */
    URI authorizationUrl(Provider provider, String state, String redirectUri, String codeChallenge, String nonce);

    /** Exchanges an authorisation code for tokens; {@code codeVerifier} may be null. */
    Grant exchange(Provider provider, String code, String redirectUri, String codeVerifier);

    /** The provider tenants the grant covers (Xero's connections; for QuickBooks the realm of the callback). */
    List<ProviderTenant> tenants(Provider provider, String accessToken, String realmId);

    /**
     * Exchanges a refresh token for new tokens (providers rotate the refresh token: keep the new one).
     *
     * @throws GrantRevokedException if the provider answers {@code invalid_grant}
     */
    Grant refresh(Provider provider, String refreshToken);

    /** A cheap authenticated call that proves the token and the provider tenant work. */
    void checkAccess(Provider provider, String accessToken, String providerTenantId);

    /**
     * Ends the grant at the provider (Xero: deletes the connection to the organisation; QuickBooks: revokes the
     * refresh token). Best effort: a grant the provider no longer knows counts as ended.
     */
    void revoke(Provider provider, String accessToken, String refreshToken, String providerTenantId);

    /**
     * Tokens a provider granted, and with an OpenID Connect grant what its id_token says (else null). Never
     * logged; {@code toString} shows none.
     */
    record Grant(String accessToken, String refreshToken, Instant accessExpiresAt, Identity identity) {

        public Grant(String accessToken, String refreshToken, Instant accessExpiresAt) {
            this(accessToken, refreshToken, accessExpiresAt, null);
        }

        @Override
        public String toString() {
            return "Grant[access token expires " + accessExpiresAt + "]";
        }
    }

    /**
     * The claims of a grant's id_token that bind it to an authorisation attempt: the authorize request's
     * {@code nonce} and the company ({@code realmid}, Intuit) the user consented to; either may be null.
     */
    record Identity(String nonce, String realmId) {
    }

    /** Whether the provider needs PKCE for this engine (Xero: yes). */
    static boolean usesPkce(Provider provider) {
        return provider == Provider.XERO;
    }

    /**
     * Whether the engine binds the provider's codes to their attempt with an OpenID Connect nonce: Intuit, which
     * documents no PKCE for its OAuth 2.0 server but is an OpenID Connect provider.
     */
    static boolean usesNonce(Provider provider) {
        return provider == Provider.QUICKBOOKS;
    }
}
