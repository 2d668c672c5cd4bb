package io.kibly.engine.application.internal;

import io.kibly.engine.application.ConnectionService;
import io.kibly.engine.application.GrantRevokedException;
import io.kibly.engine.application.NeedsReauthorisationException;
import io.kibly.engine.application.ProviderAuthorization;
import io.kibly.engine.domain.model.connection.InvalidAuthorizationException;
import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Orchestrates the flow without a transaction of its own: the provider calls (HTTP) happen between short
 * transactions of {@link ConnectionSteps}, never inside one. A state is used up before the code is exchanged,
 * so a replay fails even if the exchange does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultConnectionService implements ConnectionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    ConnectionSteps steps;

    @Inject
    ProviderAuthorization providers;

    @Override
    public URI startAuthorization(TenantId tenantId, String user, UUID integrationId, String redirectUri) {
        String state = randomToken(32);
        Integration integration = steps.integration(tenantId, integrationId);
        String verifier = ProviderAuthorization.usesPkce(integration.provider()) ? randomToken(48) : null;
        steps.recordAttempt(tenantId, user, integrationId, redirectUri, hash(state), verifier);
        return providers.authorizationUrl(integration.provider(), state, redirectUri,
                verifier == null ? null : challenge(verifier),
                ProviderAuthorization.usesNonce(integration.provider()) ? nonce(state) : null);
    }

    @Override
    public Connected completeAuthorization(TenantId tenantId, String user, String code, String state, String realmId) {
        ConnectionSteps.Consumed attempt = steps.consumeAttempt(tenantId, user, hash(state));
        ProviderAuthorization.Grant grant = providers.exchange(attempt.provider(), code, attempt.redirectUri(),
                attempt.codeVerifier());
        if (ProviderAuthorization.usesNonce(attempt.provider())) {
            realmId = boundRealm(attempt, grant, state, realmId);
        }
        var tenants = providers.tenants(attempt.provider(), grant.accessToken(), realmId);
        if (tenants.isEmpty()) {
            throw new InvalidAuthorizationException("The grant covers no organisation");
        }
        return steps.storeConnection(tenantId, attempt.integrationId(), grant, tenants);
    }

    /**
     * The realm of a grant that belongs to this attempt. Intuit binds a code to the client and the redirect URI
     * only, not to the attempt: a code minted for one attempt (another tenant's, say) would redeem just as well with
     * this attempt's state. The id_token's nonce is derived from the state the attempt began with, so a code
     * consented under any other attempt carries another nonce (or none) and is refused here, before anything is
     * stored; its grant is ended at once. The realm comes from the id_token; a different realm on the callback is
     * refused too.
     */
    private String boundRealm(ConnectionSteps.Consumed attempt, ProviderAuthorization.Grant grant, String state,
            String callbackRealm) {
        ProviderAuthorization.Identity identity = grant.identity();
        String refusal = null;
        if (identity == null || identity.nonce() == null || !constantTimeEquals(identity.nonce(), nonce(state))) {
            refusal = "The authorisation code was not issued for this authorisation attempt; start again";
        } else if (identity.realmId() != null && callbackRealm != null && !identity.realmId().equals(callbackRealm)) {
            refusal = "realmId is not the company the grant is for; start again";
        }
        if (refusal != null) {
            try {
                providers.revoke(attempt.provider(), grant.accessToken(), grant.refreshToken(), null);
            } catch (RuntimeException e) {
                // the refusal stands either way; the unused grant expires on its own at the provider
            }
            throw new InvalidAuthorizationException(refusal);
        }
        return identity.realmId() != null ? identity.realmId() : callbackRealm;
    }

    @Override
    public Connected selectProviderTenant(TenantId tenantId, UUID integrationId, String providerTenantId) {
        return steps.selectProviderTenant(tenantId, integrationId, providerTenantId);
    }

    @Override
    public String checkConnection(TenantId tenantId, UUID integrationId) {
        ConnectionSteps.Access access = steps.validAccessToken(tenantId, integrationId);
        if (access.reauthorisationReason() != null) {
            throw new NeedsReauthorisationException(access.reauthorisationReason());
        }
        try {
            providers.checkAccess(access.provider(), access.accessToken(), access.providerTenantId());
        } catch (GrantRevokedException e) {
            steps.requireReauthorisation(tenantId, integrationId, e.getMessage());
            throw new NeedsReauthorisationException(e.getMessage());
        }
        return access.providerTenantId();
    }

    @Override
    public Integration disconnect(TenantId tenantId, UUID integrationId) {
        ConnectionSteps.Grant grant = steps.grantToEnd(tenantId, integrationId);
        if (grant != null) {
            try {
                providers.revoke(grant.provider(), grant.accessToken(), grant.refreshToken(), grant.providerTenantId());
            } catch (GrantRevokedException e) {
                // the provider no longer honours the grant: it has ended already
            }
        }
        return steps.disconnect(tenantId, integrationId, grant != null);
    }

    @Override
    public boolean refreshGrant(TenantId tenantId, UUID integrationId) {
        return steps.refreshGrant(tenantId, integrationId).reauthorisationReason() == null;
    }

    @Override
    public KeyRotation rotateKeys(TenantId tenantId) {
        return steps.rotateKeys(tenantId);
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The state is kept only as this hash: a database read does not yield usable states. */
    static String hash(String state) {
        return java.util.HexFormat.of().formatHex(sha256(state));
    }

    /**
     * The OpenID Connect nonce of an attempt, derived from its state (so nothing more is stored, and the stored
     * state hash does not yield it: another prefix).
     */
    static String nonce(String state) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("kibly-nonce:" + state));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** PKCE S256: base64url(SHA-256(verifier)). */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
