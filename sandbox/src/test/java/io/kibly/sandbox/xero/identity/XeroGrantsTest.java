package io.kibly.sandbox.xero.identity;

import io.kibly.sandbox.MutableClock;
import io.kibly.sandbox.config.OAuthClient;
import io.kibly.sandbox.config.SandboxSettings;
import io.kibly.sandbox.config.SettingsSource;
import io.kibly.sandbox.oauth.OAuthError;
import io.kibly.sandbox.stats.SandboxStats;
import io.kibly.sandbox.xero.accounting.BankTransactionsEndpoint;
import io.kibly.sandbox.xero.accounting.BankTransactionsRequest;
import io.kibly.sandbox.faults.FaultInjector;
import io.kibly.sandbox.faults.FaultSettings;
import io.kibly.sandbox.http.ApiResponse;
import io.kibly.sandbox.xero.data.XeroLedgers;
import io.kibly.sandbox.xero.ratelimit.XeroRateLimiter;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.kibly.sandbox.oauth.OAuthTestSupport.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registered redirect URIs and grants revoked through the admin API. */
class XeroGrantsTest {

    private static final String BASIC = basic("app-1", "s3cret");
    private static final String REDIRECT = "https://kibly.example/callback";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final SandboxSettings settings = new SettingsSource(Map.of(
            "sandbox.xero.organisations", "org-1:Alpha Ltd", "sandbox.xero.transactionsPerOrganisation", "50")::get)
            .read();
    private final SandboxStats stats = new SandboxStats();
    private final XeroIdentity identity = new XeroIdentity(clock, () -> settings, List.of(
            new OAuthClient("app-1", "s3cret", List.of(REDIRECT)), new OAuthClient("app-2", "x", List.of())),
            stats);

    private TokenSet tokens() {
        String redirect = identity.authorize("code", "app-1", REDIRECT, "offline_access", "s", null, null);
        String code = URI.create(redirect).getQuery().split("&")[0].substring(5);
        return identity.token(BASIC, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT));
    }

    @Test
    void anUnregisteredRedirectUriIsARequestError() {
        OAuthError mismatch = assertThrows(OAuthError.class, () -> identity.authorize("code", "app-1",
                "https://kibly.example/other", "offline_access", "s", null, null));
        assertEquals("invalid_request", mismatch.error());
        assertEquals(400, mismatch.httpStatus());
        assertEquals("redirect_uri mismatch: https://kibly.example/other is not registered for this client",
                mismatch.getMessage());
        assertTrue(identity.authorize("code", "app-2", "https://anything.example/cb", "offline_access", "s", null,
                null).startsWith("https://anything.example/cb?code="));
    }

    @Test
    void afterRevocationRefreshIsInvalidGrantAndTheApiAnswers401() {
        TokenSet tokens = tokens();
        assertEquals(0, identity.revokeGrants("app-2"));
        assertEquals(1, identity.revokeGrants("app-1"));
        OAuthError refused = assertThrows(OAuthError.class, () -> identity.token(BASIC, Map.of(
                "grant_type", "refresh_token", "refresh_token", tokens.refreshToken())));
        assertEquals(400, refused.httpStatus());
        assertEquals("invalid_grant", refused.error());
        assertTrue(identity.isRevoked("Bearer " + tokens.accessToken()));
        assertFalse(identity.mayAccess("Bearer " + tokens.accessToken(), "org-1"));

        BankTransactionsEndpoint endpoint = new BankTransactionsEndpoint(() -> settings,
                new XeroLedgers(settings, clock), new XeroRateLimiter(clock, settings::xeroLimits), stats, clock,
                new FaultInjector(() -> FaultSettings.none(1), () -> 1.0, millis -> { }), identity::mayAccess,
                identity::isRevoked);
        ApiResponse response = endpoint.get(new BankTransactionsRequest("org-1", 1, 10, null, null, null,
                "Bearer " + tokens.accessToken()));
        assertEquals(401, response.status());
        assertEquals("TokenRevoked", response.body().getString("Detail"));
        assertEquals(1, stats.of("org-1").faultsInjected());
        assertEquals(200, endpoint.get(new BankTransactionsRequest("org-1", 1, 10, null, null, null, null))
                .status());
    }

    @Test
    void injectedXeroFaultsKeepXerosProblemShape() {
        List<Double> rolls = new java.util.ArrayList<>(List.of(0.1, 0.5, 0.9));
        BankTransactionsEndpoint endpoint = new BankTransactionsEndpoint(() -> settings,
                new XeroLedgers(settings, clock), new XeroRateLimiter(clock, settings::xeroLimits), stats, clock,
                new FaultInjector(() -> new FaultSettings(0.2, 0, 0, 0, 0, 0, 0.5, 1), () -> rolls.remove(0),
                        millis -> { }), identity::mayAccess, identity::isRevoked);
        BankTransactionsRequest request = new BankTransactionsRequest("org-1", 1, 10, null, null, null, null);
        ApiResponse error = endpoint.get(request);
        assertEquals(500, error.status());
        assertEquals("Internal Server Error", error.body().getString("Title"));
        ApiResponse cut = endpoint.get(request);
        assertEquals(200, cut.status());
        assertEquals(cut.body().toString().substring(0, cut.body().toString().length() / 2), cut.rawBody());
        assertEquals(null, endpoint.get(request).rawBody());
        assertEquals(2, stats.of("org-1").faultsInjected());
    }
}
