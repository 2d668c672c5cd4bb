package io.kibly.sandbox.quickbooks.identity;

import io.kibly.sandbox.MutableClock;
import io.kibly.sandbox.config.OAuthClient;
import io.kibly.sandbox.oauth.OAuthError;
import io.kibly.sandbox.stats.SandboxStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.kibly.sandbox.oauth.OAuthTestSupport.basic;
import static io.kibly.sandbox.oauth.OAuthTestSupport.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickBooksIdentityTest {

    private static final String CLIENT = "qbo-app";
    private static final String SECRET = "qbo-secret";
    private static final String BASIC = basic(CLIENT, SECRET);
    private static final String REDIRECT = "https://kibly.example/qbo/callback";
    private static final String SCOPE = "com.intuit.quickbooks.accounting";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final SandboxStats stats = new SandboxStats();
    private final QuickBooksIdentity identity = new QuickBooksIdentity(clock,
            List.of(new OAuthClient(CLIENT, SECRET, List.of(REDIRECT)), new OAuthClient("open", "pw", List.of())),
            List.of("111", "222"), stats);

    private String code(String realmId) {
        return query(identity.authorize("code", CLIENT, REDIRECT, SCOPE, "st 1", realmId)).get("code");
    }

    private QuickBooksTokens redeem(String code) {
        return identity.token(BASIC, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT));
    }

    private QuickBooksTokens refresh(String refreshToken) {
        return identity.token(null, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", CLIENT, "client_secret", SECRET));
    }

    @Test
    void theCallbackCarriesCodeStateAndRealmId() {
        String redirect = identity.authorize("code", CLIENT, REDIRECT, SCOPE, "st 1", null);
        Map<String, String> parameters = query(redirect);
        assertTrue(redirect.startsWith(REDIRECT + "?code="), redirect);
        assertEquals("st 1", parameters.get("state"));
        assertEquals("111", parameters.get("realmId"));
        assertEquals("222", query(identity.authorize("code", CLIENT, REDIRECT, SCOPE, "s", "222")).get("realmId"));
    }

    @Test
    void withTheOpenidScopeTheTokensCarryAnIdTokenWithTheRealmAndTheNonce() {
        String code = query(identity.authorize("code", CLIENT, REDIRECT, SCOPE + " openid", "st", "222", "n-1"))
                .get("code");

        QuickBooksTokens tokens = redeem(code);

        String[] parts = tokens.idToken().split("\\.", -1);
        assertEquals(3, parts.length);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        var json = jakarta.json.Json.createReader(new java.io.StringReader(claims)).readObject();
        assertEquals("222", json.getString("realmid"));
        assertEquals("n-1", json.getString("nonce"));
        assertEquals(CLIENT, json.getJsonArray("aud").getString(0));
        assertTrue(QuickBooksIdentityJson.tokens(tokens).containsKey("id_token"));
        assertEquals(null, redeem(code(null)).idToken(), "no openid scope, no id_token");
    }

    @Test
    void aCodeBuysTokensOnceWithIntuitsShape() {
        String code = code(null);
        QuickBooksTokens tokens = redeem(code);
        assertEquals(3600, tokens.expiresIn());
        assertEquals("bearer", tokens.tokenType());
        assertEquals(8_640_000, tokens.refreshTokenExpiresIn());
        assertEquals(List.of("access_token", "expires_in", "token_type", "refresh_token",
                "x_refresh_token_expires_in"), List.copyOf(QuickBooksIdentityJson.tokens(tokens).keySet()));
        assertTrue(identity.mayAccess("Bearer " + tokens.accessToken(), "111"));
        assertFalse(identity.mayAccess("Bearer " + tokens.accessToken(), "222"));
        OAuthError reused = assertThrows(OAuthError.class, () -> redeem(code));
        assertEquals("invalid_grant", reused.error());
        assertEquals(400, reused.httpStatus());
    }

    @Test
    void codesExpireAfterFiveMinutesAndNeedTheSameRedirectUri() {
        String code = code(null);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertEquals("invalid_grant", assertThrows(OAuthError.class, () -> redeem(code)).error());
        String other = code(null);
        assertEquals("invalid_grant", assertThrows(OAuthError.class, () -> identity.token(BASIC, Map.of(
                "grant_type", "authorization_code", "code", other, "redirect_uri", REDIRECT + "2"))).error());
    }

    @Test
    void refreshTokensRotateAndTheOldOneStopsAtOnce() {
        QuickBooksTokens first = redeem(code(null));
        QuickBooksTokens second = refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals("invalid_grant", assertThrows(OAuthError.class, () -> refresh(first.refreshToken())).error());
        refresh(second.refreshToken());
        assertEquals(2, stats.of("qbo:111").tokenRefreshes());
    }

    @Test
    void clientsAuthenticateByBasicOrForm() {
        String code = code(null);
        OAuthError wrong = assertThrows(OAuthError.class, () -> identity.token(null, Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "client_id", CLIENT, "client_secret", "nope")));
        assertEquals("invalid_client", wrong.error());
        assertEquals(401, wrong.httpStatus());
    }

    @Test
    void unregisteredRedirectUrisAreRefusedUnlessNoneIsRegistered() {
        OAuthError mismatch = assertThrows(OAuthError.class,
                () -> identity.authorize("code", CLIENT, "https://evil.example/cb", SCOPE, "s", null));
        assertEquals("invalid_request", mismatch.error());
        assertTrue(mismatch.getMessage().startsWith("redirect_uri mismatch"), mismatch.getMessage());
        assertTrue(identity.authorize("code", "open", "https://any.example/cb", SCOPE, "s", null)
                .startsWith("https://any.example/cb?code="));
    }

    @Test
    void revokingTheRefreshTokenEndsTheGrant() {
        QuickBooksTokens tokens = redeem(code(null));
        identity.revoke(BASIC, tokens.refreshToken());
        assertEquals("invalid_grant", assertThrows(OAuthError.class, () -> refresh(tokens.refreshToken())).error());
        assertTrue(identity.isRevoked("Bearer " + tokens.accessToken()));
        assertFalse(identity.mayAccess("Bearer " + tokens.accessToken(), "111"));
    }

    @Test
    void theAdminRevocationEndsEveryGrantOfAClient() {
        QuickBooksTokens one = redeem(code("111"));
        QuickBooksTokens two = redeem(code("222"));
        assertEquals(0, identity.revokeGrants("open"));
        assertEquals(2, identity.revokeGrants(CLIENT));
        assertEquals("invalid_grant", assertThrows(OAuthError.class, () -> refresh(one.refreshToken())).error());
        assertTrue(identity.isRevoked("Bearer " + two.accessToken()));
        assertFalse(identity.isRevoked("Bearer unknown"));
    }
}
