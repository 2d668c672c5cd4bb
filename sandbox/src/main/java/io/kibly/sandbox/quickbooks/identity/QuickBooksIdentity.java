package io.kibly.sandbox.quickbooks.identity;

import io.kibly.sandbox.config.OAuthClient;
import io.kibly.sandbox.quickbooks.QuickBooksAccess;
import io.kibly.sandbox.stats.SandboxStats;
import io.kibly.sandbox.xero.identity.OAuthError;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Intuit's OAuth service for the sandbox. A grant is one app's consent for one realm. The user always
 * consents, to the realm named by the sandbox-only {@code realmId} parameter of the authorize request or else
 * the first configured one. Access tokens live 3,600 s; a refresh token 100 days, and every refresh returns a
 * new one while the presented one stops working at once (the sandbox is stricter than Intuit is known to be, so
 * that a client which does not store the rotated token fails here first). Codes live 5 minutes (not confirmed
 * from Intuit's docs) and are single use.
 */
public final class QuickBooksIdentity implements QuickBooksAccess {

    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3_600);
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(100);
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, OAuthClient> clients;
    private final List<String> realms;
    private final SandboxStats stats;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedAccessTokens = ConcurrentHashMap.newKeySet();

    public QuickBooksIdentity(Clock clock, List<OAuthClient> clients, List<String> realms, SandboxStats stats) {
        this.clock = clock;
        this.clients = OAuthClient.byId(clients);
        this.realms = List.copyOf(realms);
        this.stats = stats;
    }

    /** The URL the browser is sent back to; errors that cannot go back through the redirect URI are thrown. */
    public synchronized String authorize(String responseType, String clientId, String redirectUri, String scope,
                                         String state, String realmId) {
        OAuthClient client = clientId == null ? null : clients.get(clientId);
        if (client == null) {
            throw OAuthError.invalidRequest("unknown client_id");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            throw OAuthError.invalidRequest("redirect_uri is required");
        }
        if (!client.acceptsRedirectUri(redirectUri)) {
            throw OAuthError.invalidRequest("redirect_uri mismatch: " + redirectUri
                    + " is not registered for this client");
        }
        if (!"code".equals(responseType)) {
            return redirect(redirectUri, Map.of("error", "unsupported_response_type"), state);
        }
        if (scope == null || scope.isBlank()) {
            return redirect(redirectUri, Map.of("error", "invalid_scope"), state);
        }
        String realm = realmId == null || realmId.isBlank() ? realms.get(0) : realmId.trim();
        if (!realms.contains(realm)) {
            return redirect(redirectUri, Map.of("error", "access_denied",
                    "error_description", "no such company " + realm), state);
        }
        String code = randomToken();
        codes.put(code, new PendingCode(clientId, redirectUri, realm, now().plus(CODE_LIFETIME)));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        return redirect(redirectUri, parameters, state) + "&realmId="
                + URLEncoder.encode(realm, StandardCharsets.UTF_8);
    }

    /** {@code POST /oauth2/v1/tokens/bearer}: {@code authorization} is the request's Authorization header. */
    public synchronized QuickBooksTokens token(String authorization, Map<String, String> form) {
        String clientId = authenticate(authorization, form);
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            String code = form.get("code");
            PendingCode pending = code == null ? null : codes.remove(code); // single use, even when it fails below
            if (pending == null) {
                throw OAuthError.invalidGrant("unknown or used code");
            }
            if (!pending.clientId().equals(clientId)) {
                throw OAuthError.invalidGrant("code was issued to another client");
            }
            if (now().isAfter(pending.expiresAt())) {
                throw OAuthError.invalidGrant("code expired");
            }
            if (!pending.redirectUri().equals(form.get("redirect_uri"))) {
                throw OAuthError.invalidGrant("redirect_uri differs from the authorize request's");
            }
            return issue(new Grant(clientId, pending.realmId()));
        }
        if ("refresh_token".equals(grantType)) {
            String presented = form.get("refresh_token");
            Token token = presented == null ? null : refreshTokens.get(presented);
            if (token == null || !token.grant().clientId().equals(clientId)) {
                throw OAuthError.invalidGrant("unknown, rotated or revoked refresh_token");
            }
            refreshTokens.remove(presented);
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
        Token refresh = refreshTokens.get(token);
        if (refresh != null && refresh.grant().clientId().equals(clientId)) {
            endGrants(refresh.grant()::equals);
            return;
        }
        Token access = accessTokens.get(token);
        if (access != null && access.grant().clientId().equals(clientId)) {
            accessTokens.remove(token);
            revokedAccessTokens.add(token);
        }
    }

    /** The admin API's revocation: every grant of one client, or of all when {@code clientId} is null. */
    public synchronized int revokeGrants(String clientId) {
        return endGrants(grant -> clientId == null || grant.clientId().equals(clientId));
    }

    @Override
    public boolean isRevoked(String authorization) {
        String token = bearer(authorization);
        return token != null && revokedAccessTokens.contains(token);
    }

    @Override
    public boolean mayAccess(String authorization, String realmId) {
        String presented = bearer(authorization);
        Token token = presented == null ? null : accessTokens.get(presented);
        return token != null && now().isBefore(token.expiresAt()) && token.grant().realmId().equals(realmId);
    }

    private int endGrants(java.util.function.Predicate<Grant> which) {
        int ended = 0;
        for (var it = refreshTokens.values().iterator(); it.hasNext(); ) {
            if (which.test(it.next().grant())) {
                it.remove();
                ended++;
            }
        }
        for (var it = accessTokens.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (which.test(entry.getValue().grant())) {
                revokedAccessTokens.add(entry.getKey());
                it.remove();
            }
        }
        return ended;
    }

    /** HTTP Basic, or {@code client_id} and {@code client_secret} in the form. */
    private String authenticate(String authorization, Map<String, String> form) {
        String clientId;
        String secret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidClient("malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            clientId = colon < 0 ? decoded : decoded.substring(0, colon);
            secret = colon < 0 ? "" : decoded.substring(colon + 1);
        } else {
            clientId = form.get("client_id");
            secret = form.get("client_secret");
        }
        OAuthClient client = clientId == null ? null : clients.get(clientId);
        if (client == null || !client.secret().equals(secret)) {
            throw OAuthError.invalidClient("wrong or missing client credentials");
        }
        return clientId;
    }

    private QuickBooksTokens issue(Grant grant) {
        Instant now = now();
        String accessToken = randomToken();
        String refreshToken = randomToken();
        accessTokens.put(accessToken, new Token(grant, now.plus(ACCESS_TOKEN_LIFETIME)));
        refreshTokens.put(refreshToken, new Token(grant, now.plus(REFRESH_TOKEN_LIFETIME)));
        return new QuickBooksTokens(accessToken, ACCESS_TOKEN_LIFETIME.toSeconds(), "bearer", refreshToken,
                REFRESH_TOKEN_LIFETIME.toSeconds());
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    private static String redirect(String redirectUri, Map<String, String> parameters, String state) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (state != null) {
            all.put("state", state);
        }
        StringBuilder url = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        all.forEach((name, value) -> url.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        return url.substring(0, url.length() - 1);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Instant now() {
        return clock.instant();
    }

    private record Grant(String clientId, String realmId) {
    }

    private record PendingCode(String clientId, String redirectUri, String realmId, Instant expiresAt) {
    }

    private record Token(Grant grant, Instant expiresAt) {
    }
}
