package io.kibly.sandbox.xero.identity;

import io.kibly.sandbox.MutableClock;
import io.kibly.sandbox.config.SandboxSettings;
import io.kibly.sandbox.config.SettingsSource;
import io.kibly.sandbox.oauth.OAuthError;
import io.kibly.sandbox.stats.SandboxStats;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.kibly.sandbox.oauth.OAuthTestSupport.basic;
import static io.kibly.sandbox.oauth.OAuthTestSupport.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XeroIdentityTest {

    private static final String CLIENT = "app-1";
    private static final String SECRET = "s3cret";
    private static final String BASIC = basic(CLIENT, SECRET);
    private static final String REDIRECT = "https://kibly.example/callback";
    private static final String SCOPES = "openid offline_access accounting.transactions.read";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final SandboxSettings settings = new SettingsSource(Map.of(
            "sandbox.xero.organisations", "org-1:Alpha Ltd,org-2:Beta Ltd")::get).read();
    private final SandboxStats stats = new SandboxStats();
    private final XeroIdentity identity = new XeroIdentity(clock, () -> settings, Map.of(CLIENT, SECRET), stats);

    private String code(String scope, String challenge) {
        String redirect = identity.authorize("code", CLIENT, REDIRECT, scope, "xyz 1", challenge,
                challenge == null ? null : "S256");
        assertTrue(redirect.startsWith(REDIRECT + "?code="), redirect);
        assertEquals("xyz 1", query(redirect).get("state"));
        return query(redirect).get("code");
    }

    private TokenSet redeem(String code) {
        return identity.token(BASIC, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT));
    }

    private TokenSet refresh(String refreshToken) {
        return identity.token(BASIC, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    @Test
    void aCodeBuysTokensOnceAndTheTokenListsTheConnectedOrganisations() {
        String code = code(SCOPES, null);
        TokenSet tokens = redeem(code);
        assertEquals(1800, tokens.expiresIn());
        assertEquals("Bearer", tokens.tokenType());
        assertNotNull(tokens.refreshToken());
        assertEquals(3, tokens.idToken().split("\\.", -1).length);

        OAuthError reused = assertThrows(OAuthError.class, () -> redeem(code));
        assertEquals("invalid_grant", reused.error());

        List<Connection> connections = identity.connections("Bearer " + tokens.accessToken());
        assertEquals(List.of("org-1", "org-2"), connections.stream().map(Connection::tenantId).toList());
        assertEquals("ORGANISATION", connections.get(0).tenantType());
        JsonArray json = IdentityJson.connections(connections);
        JsonObject first = json.getJsonObject(0);
        assertEquals("Alpha Ltd", first.getString("tenantName"));
        assertEquals("2026-01-05T10:00:00.0000000", first.getString("createdDateUtc"));
        assertTrue(identity.mayAccess("Bearer " + tokens.accessToken(), "org-2"));
        assertTrue(!identity.mayAccess("Bearer " + tokens.accessToken(), "org-3"));
    }

    @Test
    void clientsMustAuthenticateWithBasic() {
        String code = code(SCOPES, null);
        String wrong = "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":nope").getBytes());
        OAuthError error = assertThrows(OAuthError.class, () -> identity.token(wrong,
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT)));
        assertEquals(401, error.httpStatus());
        assertEquals("invalid_client", error.error());
    }

    @Test
    void codesExpireAfterFiveMinutes() {
        String code = code(SCOPES, null);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertEquals("invalid_grant", assertThrows(OAuthError.class, () -> redeem(code)).error());
    }

    @Test
    void pkceS256VerifierMustMatchTheChallenge() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        // RFC 7636 appendix B.
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.challengeOf(verifier));
        String code = code(SCOPES, Pkce.challengeOf(verifier));
        assertThrows(OAuthError.class, () -> identity.token(BASIC, Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier.replace('d', 'e'))));
        String again = code(SCOPES, Pkce.challengeOf(verifier));
        TokenSet tokens = identity.token(null, Map.of("grant_type", "authorization_code", "code", again,
                "redirect_uri", REDIRECT, "code_verifier", verifier, "client_id", CLIENT));
        assertNotNull(tokens.accessToken());
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() {
        assertNull(redeem(code("openid accounting.transactions.read", null)).refreshToken());
        assertTrue(!IdentityJson.tokens(redeem(code("openid", null))).containsKey("refresh_token"));
    }

    @Test
    void refreshTokensRotateAndThePreviousOneHasThirtyMinutesGrace() {
        TokenSet first = redeem(code(SCOPES, null));
        TokenSet second = refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(1, stats.of("org-1").tokenRefreshes());

        clock.advance(Duration.ofMinutes(29));
        TokenSet retried = refresh(first.refreshToken()); // the answer to the first refresh was "lost"
        assertNotNull(retried.refreshToken());
        clock.advance(Duration.ofMinutes(1));
        assertEquals("invalid_grant", assertThrows(OAuthError.class, () -> refresh(first.refreshToken())).error());
        assertNotNull(refresh(second.refreshToken()).accessToken());
        assertEquals(3, stats.of("org-2").tokenRefreshes());
    }

    @Test
    void accessTokensExpireAfterTheirLifetime() {
        TokenSet tokens = redeem(code(SCOPES, null));
        clock.advance(Duration.ofMinutes(30));
        OAuthError expired = assertThrows(OAuthError.class,
                () -> identity.connections("Bearer " + tokens.accessToken()));
        assertEquals(401, expired.httpStatus());
    }

    @Test
    void disconnectingRemovesOneConnection() {
        String bearer = "Bearer " + redeem(code(SCOPES, null)).accessToken();
        Connection first = identity.connections(bearer).get(0);
        assertTrue(identity.disconnect(bearer, first.id()));
        assertEquals(1, identity.connections(bearer).size());
        assertTrue(!identity.disconnect(bearer, first.id()));
        assertTrue(!identity.mayAccess(bearer, first.tenantId()));
    }

    @Test
    void errorsTheClientCanHearGoBackInTheRedirect() {
        String redirect = identity.authorize("token", CLIENT, REDIRECT, SCOPES, "s", null, null);
        assertEquals("unsupported_response_type", query(redirect).get("error"));
        assertEquals("s", query(redirect).get("state"));
        assertThrows(OAuthError.class, () -> identity.authorize("code", "stranger", REDIRECT, SCOPES, "s", null,
                null));
    }
}
