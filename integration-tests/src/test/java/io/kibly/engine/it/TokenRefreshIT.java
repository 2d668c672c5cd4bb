package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access tokens refreshed before they expire, once for many concurrent callers, with the rotated refresh token
 * kept; and a revoked grant turning the integration NEEDS_REAUTH. The sandbox's Xero tokens live 30 s here and the
 * engine refreshes 20 s before expiry (KiblyTestEnvironment), so a token is "expiring" 10 s after it was issued.
 */
@ExtendWith(ArquillianExtension.class)
class TokenRefreshIT {

    private static final HttpClient HTTP = ProviderConsent.BROWSER;
    private static final String UK = SandboxIT.UK;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @Test
    void twentyConcurrentCallersCauseExactlyOneRefreshThenARevokedGrantNeedsReauthorisation() throws Exception {
        // Tokens live 30 s; the limits are lifted so that 20 simultaneous checks are not throttled (not under test).
        sandbox("PUT", "/sandbox/admin/config", "{\"accessTokenLifetimeSeconds\":30,"
                + "\"xeroLimits\":{\"perMinute\":10000,\"concurrent\":100}}");
        try {
            EngineClient admin = EngineClient.forNewTenant("refresh");
            String id = ProviderConsent.connected(admin, "xero", "Refreshing books", UK);
            assertEquals(200, admin.post("/api/integrations/" + id + "/connection-check", null).status(),
                    "a fresh token needs no refresh");
            long refreshesBefore = refreshesOf(UK);

            Thread.sleep(11_000); // the token is now within the refresh margin
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> checks = new ArrayList<>();
            for (int caller = 0; caller < 20; caller++) {
                checks.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return admin.post("/api/integrations/" + id + "/connection-check", null).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = checks.stream().map(CompletableFuture::join).toList();

            assertEquals(List.of(200), statuses.stream().distinct().toList(), statuses.toString());
            assertEquals(refreshesBefore + 1, refreshesOf(UK), "exactly one refresh at the provider");
            assertEquals(1, Database.count("select count(*) from engine.audit_entry where target_id = ? "
                    + "and action = 'integration.tokens-refreshed'", id));

            sandbox("POST", "/sandbox/admin/xero/revoke-grants", "");
            Thread.sleep(11_000);
            EngineClient.Reply refused = admin.post("/api/integrations/" + id + "/connection-check", null);
            IntegrationsApiIT.assertProblem(refused, 409);
            JsonObject integration = admin.get("/api/integrations/" + id).json();
            assertEquals("NEEDS_REAUTH", integration.getString("status"));
            assertTrue(integration.getString("statusReason").contains("invalid_grant"), integration.toString());
        } finally {
            sandbox("PUT", "/sandbox/admin/config", "{\"accessTokenLifetimeSeconds\":1800,"
                    + "\"xeroLimits\":{\"perMinute\":60,\"concurrent\":5}}");
        }
    }


    private static long refreshesOf(String tenant) throws Exception {
        JsonObject stats = Json.createReader(new StringReader(sandbox("GET", "/sandbox/admin/stats", null))).readObject();
        JsonObject counters = stats.getJsonObject("tenants").getJsonObject(tenant);
        return counters == null ? 0 : counters.getJsonNumber("tokenRefreshes").longValue();
    }

    private static String sandbox(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(System.getProperty("kibly.it.sandboxUrl") + path))
                .header("Content-Type", "application/json").method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, path + " -> " + response.statusCode() + " " + response.body());
        return response.body();
    }
}
