package io.kibly.sandbox.xero.identity;

import io.kibly.sandbox.config.OAuthClient;
import io.kibly.sandbox.config.Organisation;
import io.kibly.sandbox.config.SandboxSettings;
import io.kibly.sandbox.oauth.AuthorizationCodes;
import io.kibly.sandbox.oauth.ClientCredentials;
import io.kibly.sandbox.oauth.IssuedTokens;
import io.kibly.sandbox.oauth.OAuthClients;
import io.kibly.sandbox.oauth.OAuthError;
import io.kibly.sandbox.oauth.RandomTokens;
import io.kibly.sandbox.oauth.Redirects;
import io.kibly.sandbox.stats.SandboxStats;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The whole of Xero's identity service for the sandbox. The user always consents, and the consent connects the
 * app to every configured organisation. Lifetimes as Xero's: codes 5 minutes, refresh tokens 60 days unused, the
 * previous refresh token 30 minutes after it was rotated; access tokens as configured (30 minutes by default).
 */
public final class XeroIdentity {

    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(60);
    public static final Duration ROTATION_GRACE = Duration.ofMinutes(30);

    private final Clock clock;
    private final Supplier<SandboxSettings> settings;
    private final OAuthClients clients;
    private final SandboxStats stats;

    private final AuthorizationCodes<CodeDetails> codes;
    /** Revoked access tokens are those of grants revoked through the admin API: the Accounting API answers 401. */
    private final IssuedTokens<AccessToken, RefreshToken> tokens;
    /** By client id, then tenant id, in the order the organisations were first connected. */
    private final Map<String, Map<String, Connection>> connectionsByClient = new LinkedHashMap<>();

    /** Clients without registered redirect URIs: any redirect URI is accepted. */
    public XeroIdentity(Clock clock, Supplier<SandboxSettings> settings, Map<String, String> clientSecrets,
                        SandboxStats stats) {
        this(clock, settings, clientSecrets.entrySet().stream()
                .map(e -> new OAuthClient(e.getKey(), e.getValue(), List.of())).toList(), stats);
    }

    public XeroIdentity(Clock clock, Supplier<SandboxSettings> settings, List<OAuthClient> clients,
                        SandboxStats stats) {
        this.clock = clock;
        this.settings = settings;
        this.clients = new OAuthClients(clients);
        this.stats = stats;
        RandomTokens random = new RandomTokens();
        this.codes = new AuthorizationCodes<>(clock, CODE_LIFETIME, random);
        this.tokens = new IssuedTokens<>(random);
    }

    /**
     * The URL the browser is sent back to. Errors the client cannot be told about through its redirect URI
     * (unknown client, no redirect URI) are thrown; the others go back in the redirect, as OAuth prescribes.
     */
    public synchronized String authorize(String responseType, String clientId, String redirectUri, String scope,
                                         String state, String codeChallenge, String codeChallengeMethod) {
        clients.checkAuthorizeRequest(clientId, redirectUri);
        if (!"code".equals(responseType)) {
            return Redirects.to(redirectUri, Map.of("error", "unsupported_response_type"), state);
        }
        if (scope == null || scope.isBlank()) {
            return Redirects.to(redirectUri, Map.of("error", "invalid_scope"), state);
        }
        if (codeChallenge != null && !"S256".equals(codeChallengeMethod)) {
            return Redirects.to(redirectUri, Map.of("error", "invalid_request",
                    "error_description", "code_challenge_method must be S256"), state);
        }
        UUID authEventId = UUID.randomUUID();
        connectAll(clientId, authEventId);
        String code = codes.issue(clientId, redirectUri, new CodeDetails(scopes(scope), codeChallenge));
        return Redirects.to(redirectUri, Map.of("code", code), state);
    }

    /** {@code POST /connect/token}: {@code authorization} is the request's Authorization header. */
    public synchronized TokenSet token(String authorization, Map<String, String> form) {
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            return redeemCode(authorization, form);
        }
        if ("refresh_token".equals(grantType)) {
            return refresh(authorization, form);
        }
        throw new OAuthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }

    public synchronized List<Connection> connections(String authorization) {
        AccessToken token = requireAccessToken(authorization);
        return new ArrayList<>(connectionsByClient.getOrDefault(token.clientId(), Map.of()).values());
    }

    /** False when the app has no such connection. */
    public synchronized boolean disconnect(String authorization, UUID connectionId) {
        AccessToken token = requireAccessToken(authorization);
        Map<String, Connection> connections = connectionsByClient.getOrDefault(token.clientId(), Map.of());
        return connections.values().removeIf(c -> c.id().equals(connectionId));
    }

    /** Whether the bearer token is valid and its app connected to the tenant (for the Accounting API). */
    public synchronized boolean mayAccess(String authorization, String tenantId) {
        try {
            AccessToken token = requireAccessToken(authorization);
            return connectionsByClient.getOrDefault(token.clientId(), Map.of()).keySet().stream()
                    .anyMatch(id -> id.equalsIgnoreCase(tenantId == null ? "" : tenantId.trim()));
        } catch (OAuthError e) {
            return false;
        }
    }

    /**
     * Revokes every grant of one client (all clients when {@code clientId} is null): its refresh tokens stop
     * working ({@code invalid_grant}) and its access tokens are refused. Returns how many grants were revoked
     * (refresh tokens, counting each rotation chain's live tokens).
     */
    public synchronized int revokeGrants(String clientId) {
        return tokens.revokeWhere(token -> clientId == null || token.clientId().equals(clientId),
                token -> clientId == null || token.clientId().equals(clientId));
    }

    /** Whether the Authorization header carries an access token whose grant was revoked. */
    public boolean isRevoked(String authorization) {
        return tokens.isRevoked(authorization);
    }

    public synchronized void reset() {
        tokens.clear();
        codes.clear();
        connectionsByClient.clear();
    }

    private TokenSet redeemCode(String authorization, Map<String, String> form) {
        AuthorizationCodes.Pending<CodeDetails> pending = codes.take(form.get("code"));
        String clientId = authenticate(authorization, form, pending.details().codeChallenge() != null);
        CodeDetails details = pending.redeem(clientId, form.get("redirect_uri"), now());
        if (details.codeChallenge() != null && !Pkce.verifies(form.get("code_verifier"), details.codeChallenge())) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
        }
        return issue(clientId, details.scopes());
    }

    private TokenSet refresh(String authorization, Map<String, String> form) {
        String clientId = authenticate(authorization, form, false);
        String presented = form.get("refresh_token");
        RefreshToken token = tokens.refresh(presented);
        Instant now = now();
        if (token == null || !token.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("unknown refresh_token");
        }
        if (now.isAfter(token.issuedAt().plus(REFRESH_TOKEN_LIFETIME))) {
            throw OAuthError.invalidGrant("refresh_token expired");
        }
        if (token.rotatedAt() != null && !now.isBefore(token.rotatedAt().plus(ROTATION_GRACE))) {
            throw OAuthError.invalidGrant("refresh_token was rotated");
        }
        if (token.rotatedAt() == null) {
            tokens.replaceRefresh(presented, token.rotated(now));
        }
        connectionsByClient.getOrDefault(clientId, Map.of()).keySet().forEach(stats::tokenRefreshed);
        return issue(clientId, token.scopes());
    }

    /**
     * Confidential clients authenticate with HTTP Basic; a PKCE client may instead name itself with
     * {@code client_id} in the form and no secret.
     */
    private String authenticate(String authorization, Map<String, String> form, boolean publicClientAllowed) {
        ClientCredentials basic = ClientCredentials.fromBasic(authorization);
        if (basic != null) {
            if (!clients.verifies(basic)) {
                throw OAuthError.invalidClient("wrong client_id or client_secret");
            }
            return basic.clientId();
        }
        String clientId = form.get("client_id");
        if (publicClientAllowed && clients.contains(clientId)) {
            return clientId;
        }
        throw OAuthError.invalidClient("client authentication (HTTP Basic) is required");
    }

    private TokenSet issue(String clientId, Set<String> scopes) {
        Instant now = now();
        Duration lifetime = settings.get().accessTokenLifetime();
        String accessToken = tokens.mintAccess(new AccessToken(clientId, now.plus(lifetime)));
        String refreshToken = scopes.contains("offline_access")
                ? tokens.mintRefresh(new RefreshToken(clientId, scopes, now, null)) : null;
        return new TokenSet(idToken(clientId, now, lifetime), accessToken, lifetime.toSeconds(), "Bearer",
                refreshToken, String.join(" ", scopes));
    }

    private AccessToken requireAccessToken(String authorization) {
        if (IssuedTokens.bearerToken(authorization) == null) {
            throw new OAuthError(401, "invalid_token", "a Bearer access token is required");
        }
        AccessToken token = tokens.bearer(authorization);
        if (token == null || !now().isBefore(token.expiresAt())) {
            throw new OAuthError(401, "invalid_token", "access token unknown or expired");
        }
        return token;
    }

    private void connectAll(String clientId, UUID authEventId) {
        Instant now = now();
        Map<String, Connection> connections = connectionsByClient.computeIfAbsent(clientId,
                id -> new LinkedHashMap<>());
        for (Organisation organisation : settings.get().organisations()) {
            Connection existing = connections.get(organisation.tenantId());
            connections.put(organisation.tenantId(), new Connection(
                    existing != null ? existing.id() : UUID.randomUUID(), organisation.tenantId(),
                    organisation.name(), "ORGANISATION", authEventId,
                    existing != null ? existing.createdDateUtc() : now, now));
        }
    }

    /** An unsigned JWT: enough for clients that read claims; the sandbox has no keys to sign with. */
    private String idToken(String clientId, Instant now, Duration lifetime) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"https://identity.xero.com\",\"aud\":\"" + clientId + "\",\"sub\":\""
                + UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)) + "\",\"iat\":"
                + now.getEpochSecond() + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + "}";
        return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static Set<String> scopes(String scope) {
        return new LinkedHashSet<>(Arrays.asList(scope.trim().split("[\\s+]+")));
    }

    private Instant now() {
        return clock.instant();
    }

    /** What a code carries besides its client and redirect URI: the scopes granted and the PKCE challenge. */
    private record CodeDetails(Set<String> scopes, String codeChallenge) {
    }

    private record AccessToken(String clientId, Instant expiresAt) {
    }

    private record RefreshToken(String clientId, Set<String> scopes, Instant issuedAt, Instant rotatedAt) {
        RefreshToken rotated(Instant at) {
            return new RefreshToken(clientId, scopes, issuedAt, at);
        }
    }
}
