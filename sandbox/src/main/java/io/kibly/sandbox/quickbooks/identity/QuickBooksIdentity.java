package io.kibly.sandbox.quickbooks.identity;

import io.kibly.sandbox.config.OAuthClient;
import io.kibly.sandbox.oauth.AuthorizationCodes;
import io.kibly.sandbox.oauth.ClientCredentials;
import io.kibly.sandbox.oauth.IssuedTokens;
import io.kibly.sandbox.oauth.OAuthClients;
import io.kibly.sandbox.oauth.OAuthError;
import io.kibly.sandbox.oauth.RandomTokens;
import io.kibly.sandbox.oauth.Redirects;
import io.kibly.sandbox.quickbooks.QuickBooksAccess;
import io.kibly.sandbox.stats.SandboxStats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Intuit's OAuth service for the sandbox. A grant is one app's consent for one realm. The user always
 * consents, to the realm named by the sandbox-only {@code realmId} parameter of the authorize request or else
 * the first configured one. Access tokens live 3,600 s; a refresh token 100 days, and every refresh returns a
 * new one while the presented one stops working at once (the sandbox is stricter than Intuit is known to be, so
 * that a client which does not store the rotated token fails here first). Codes live 5 minutes (not confirmed
 * from Intuit's docs) and are single use.
 *
 * <p>OpenID Connect as Intuit documents it: with the {@code openid} scope the token response carries an
 * {@code id_token} whose claims include the {@code realmid} and, as OpenID Connect Core requires of a certified
 * provider, the authorize request's {@code nonce}. Unsigned here (the sandbox has no keys); Intuit's is signed,
 * and a client that takes it straight from the token endpoint over TLS may rely on it without checking the
 * signature (OpenID Connect Core 3.1.3.7).
 */
public final class QuickBooksIdentity implements QuickBooksAccess {

    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3_600);
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(100);
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private final Clock clock;
    private final OAuthClients clients;
    private final List<String> realms;
    private final SandboxStats stats;

    /** A code's details: the realm the user consented to, and the OpenID Connect request if there was one. */
    private final AuthorizationCodes<Consent> codes;
    private final IssuedTokens<Token, Token> tokens;

    public QuickBooksIdentity(Clock clock, List<OAuthClient> clients, List<String> realms, SandboxStats stats) {
        this.clock = clock;
        this.clients = new OAuthClients(clients);
        this.realms = List.copyOf(realms);
        this.stats = stats;
        RandomTokens random = new RandomTokens();
        this.codes = new AuthorizationCodes<>(clock, CODE_LIFETIME, random);
        this.tokens = new IssuedTokens<>(random);
    }

    /** The URL the browser is sent back to; errors that cannot go back through the redirect URI are thrown. */
    public synchronized String authorize(String responseType, String clientId, String redirectUri, String scope,
                                         String state, String realmId) {
        return authorize(responseType, clientId, redirectUri, scope, state, realmId, null);
    }

    /** The same, with OpenID Connect's {@code nonce} (echoed in the id_token when the scope has openid). */
    public synchronized String authorize(String responseType, String clientId, String redirectUri, String scope,
                                         String state, String realmId, String nonce) {
        clients.checkAuthorizeRequest(clientId, redirectUri);
        if (!"code".equals(responseType)) {
            return Redirects.to(redirectUri, Map.of("error", "unsupported_response_type"), state);
        }
        if (scope == null || scope.isBlank()) {
            return Redirects.to(redirectUri, Map.of("error", "invalid_scope"), state);
        }
        String realm = realmId == null || realmId.isBlank() ? realms.get(0) : realmId.trim();
        if (!realms.contains(realm)) {
            return Redirects.to(redirectUri, Map.of("error", "access_denied",
                    "error_description", "no such company " + realm), state);
        }
        boolean openId = java.util.Arrays.asList(scope.trim().split("[\\s+]+")).contains("openid");
        String code = codes.issue(clientId, redirectUri, new Consent(realm, openId, nonce));
        return Redirects.to(redirectUri, Map.of("code", code), state) + "&realmId="
                + URLEncoder.encode(realm, StandardCharsets.UTF_8);
    }

    /** {@code POST /oauth2/v1/tokens/bearer}: {@code authorization} is the request's Authorization header. */
    public synchronized QuickBooksTokens token(String authorization, Map<String, String> form) {
        String clientId = authenticate(authorization, form);
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            Consent consent = codes.take(form.get("code")).redeem(clientId, form.get("redirect_uri"), now());
            QuickBooksTokens tokens = issue(new Grant(clientId, consent.realmId()));
            return consent.openId() ? tokens.withIdToken(idToken(clientId, consent)) : tokens;
        }
        if ("refresh_token".equals(grantType)) {
            String presented = form.get("refresh_token");
            Token token = tokens.refresh(presented);
            if (token == null || !token.grant().clientId().equals(clientId)) {
                throw OAuthError.invalidGrant("unknown, rotated or revoked refresh_token");
            }
            tokens.removeRefresh(presented);
            if (!now().isBefore(token.expiresAt())) {
                throw OAuthError.invalidGrant("refresh_token expired");
            }
            stats.tokenRefreshed("qbo:" + token.grant().realmId());
            return issue(token.grant());
        }
        throw new OAuthError(400, "unsupported_grant_type",
                "grant_type must be authorization_code or refresh_token");
    }

    /**
     * {@code POST /v2/oauth2/tokens/revoke}: revoking a refresh token ends its grant (its access tokens too);
     * revoking an access token ends only that token. An unknown token is not an error (RFC 7009).
     */
    public synchronized void revoke(String authorization, String token) {
        String clientId = authenticate(authorization, Map.of());
        if (token == null || token.isBlank()) {
            throw OAuthError.invalidRequest("token is required");
        }
        Token refresh = tokens.refresh(token);
        if (refresh != null && refresh.grant().clientId().equals(clientId)) {
            endGrants(refresh.grant()::equals);
            return;
        }
        Token access = tokens.access(token);
        if (access != null && access.grant().clientId().equals(clientId)) {
            tokens.revokeAccess(token);
        }
    }

    /** The admin API's revocation: every grant of one client, or of all when {@code clientId} is null. */
    public synchronized int revokeGrants(String clientId) {
        return endGrants(grant -> clientId == null || grant.clientId().equals(clientId));
    }

    @Override
    public boolean isRevoked(String authorization) {
        return tokens.isRevoked(authorization);
    }

    @Override
    public boolean mayAccess(String authorization, String realmId) {
        Token token = tokens.bearer(authorization);
        return token != null && now().isBefore(token.expiresAt()) && token.grant().realmId().equals(realmId);
    }

    private int endGrants(Predicate<Grant> which) {
        return tokens.revokeWhere(token -> which.test(token.grant()), token -> which.test(token.grant()));
    }

    /** HTTP Basic, or {@code client_id} and {@code client_secret} in the form. */
    private String authenticate(String authorization, Map<String, String> form) {
        ClientCredentials credentials = ClientCredentials.fromBasic(authorization);
        if (credentials == null) {
            credentials = ClientCredentials.fromForm(form);
        }
        if (!clients.verifies(credentials)) {
            throw OAuthError.invalidClient("wrong or missing client credentials");
        }
        return credentials.clientId();
    }

    private QuickBooksTokens issue(Grant grant) {
        Instant now = now();
        String accessToken = tokens.mintAccess(new Token(grant, now.plus(ACCESS_TOKEN_LIFETIME)));
        String refreshToken = tokens.mintRefresh(new Token(grant, now.plus(REFRESH_TOKEN_LIFETIME)));
        return new QuickBooksTokens(accessToken, ACCESS_TOKEN_LIFETIME.toSeconds(), "bearer", refreshToken,
                REFRESH_TOKEN_LIFETIME.toSeconds());
    }

    /** Intuit's id_token claims (iss, sub, aud, realmid, iat, exp, auth_time) and the nonce when one was sent. */
    private String idToken(String clientId, Consent consent) {
        Instant now = now();
        var payload = io.kibly.sandbox.json.JsonBuilders.object()
                .add("iss", "https://oauth.platform.intuit.com/op/v1")
                .add("sub", java.util.UUID.nameUUIDFromBytes(consent.realmId().getBytes(StandardCharsets.UTF_8)).toString())
                .add("aud", jakarta.json.Json.createArrayBuilder().add(clientId))
                .add("realmid", consent.realmId())
                .add("auth_time", now.getEpochSecond())
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(ACCESS_TOKEN_LIFETIME).getEpochSecond());
        if (consent.nonce() != null) {
            payload.add("nonce", consent.nonce());
        }
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.build().toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private Instant now() {
        return clock.instant();
    }

    private record Consent(String realmId, boolean openId, String nonce) {
    }

    private record Grant(String clientId, String realmId) {
    }

    private record Token(Grant grant, Instant expiresAt) {
    }
}
