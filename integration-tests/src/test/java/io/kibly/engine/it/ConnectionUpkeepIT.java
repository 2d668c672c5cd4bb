package io.kibly.engine.it;

import static io.kibly.engine.it.WorkersIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeping connections alive without anyone asking: the timers refresh idle grants, move tokens to the vault's
 * active key and start scheduled syncs; a refresh response lost on the way is survived where the provider allows
 * it (Xero's grace period) and reported plainly where it does not (QuickBooks). And no token reaches the log.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionUpkeepIT {

    private static final Duration TIMER = Duration.ofSeconds(90);
    // read at each call: this class is loaded (for its organisations) before the environment sets the property
    private static String sandbox() {
        return System.getProperty("kibly.it.sandboxUrl", "http://localhost:28090");
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @AfterEach
    void resetSandbox() {
        SandboxControl.reset();
    }

    @Test
    void theTimersRefreshIdleGrantsMoveTokensToTheActiveKeyAndStartScheduledSyncs() throws Exception {
        EngineClient idle = EngineClient.forNewTenant("idle");
        String idleIntegration = ProviderConsent.connected(idle, "xero", "Idle books", SandboxControl.organisation(1));
        Tokens before = Tokens.of(idleIntegration);
        Database.count("with changed as (update engine.provider_connection set refreshed_at = now() - interval"
                + " '2 days' where integration_id = ?::uuid returning 1) select count(*) from changed", idleIntegration);

        EngineClient rotated = EngineClient.forNewTenant("sweep");
        String rotatedIntegration = ProviderConsent.connected(rotated, "quickbooks", "Old key books", null);
        String rotatedAccess = Tokens.of(rotatedIntegration).access();
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        try (var owner = Database.connect(); var plant = owner.prepareStatement("update engine.provider_connection"
                + " set access_key_id = ?, access_nonce = ?, access_ciphertext = ? where integration_id = ?::uuid")) {
            plant.setString(1, VaultKeysForTests.OLD);
            plant.setBytes(2, nonce);
            plant.setBytes(3, VaultKeysForTests.encrypt(VaultKeysForTests.OLD, nonce, rotatedAccess));
            plant.setString(4, rotatedIntegration);
            assertEquals(1, plant.executeUpdate());
        }

        String organisation = SandboxControl.organisation(2);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":500}}");
        EngineClient scheduled = EngineClient.forNewTenant("scheduled");
        String scheduledIntegration = ProviderConsent.connected(scheduled, "xero", "Scheduled", organisation);
        JsonObject integration = scheduled.get("/api/integrations/" + scheduledIntegration).json();
        assertEquals(60, integration.getInt("syncIntervalMinutes"), "hourly by default");
        EngineClient.Reply changed = scheduled.send("PATCH", "/api/integrations/" + scheduledIntegration,
                "{\"syncIntervalMinutes\":1,\"version\":" + integration.getJsonNumber("version") + "}",
                java.util.Map.of());
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(1, changed.json().getInt("syncIntervalMinutes"));

        await(() -> Tokens.of(idleIntegration), now -> !now.refresh().equals(before.refresh()), TIMER);
        assertEquals(1, Database.count("select count(*) from engine.provider_connection where integration_id = ?::uuid"
                + " and refreshed_at > now() - interval '2 minutes'", idleIntegration));
        assertEquals(200, idle.post("/api/integrations/" + idleIntegration + "/connection-check", null).status(),
                "the refreshed grant works");

        await(() -> Database.count("select count(*) from engine.provider_connection where integration_id = ?::uuid"
                + " and access_key_id = ?", rotatedIntegration, VaultKeysForTests.NEW), n -> n == 1, TIMER);
        assertEquals(rotatedAccess, Tokens.of(rotatedIntegration).access(), "same token, new key");

        JsonObject job = await(() -> scheduled.get("/api/sync-jobs?integrationId=" + scheduledIntegration).json()
                .getJsonArray("items"), items -> !items.isEmpty()
                && items.getJsonObject(0).getString("status").equals("COMPLETED"), TIMER).getJsonObject(0);
        assertEquals("SCHEDULED", job.getString("trigger"));
        assertEquals("INCREMENTAL", job.getString("syncType"));
        assertEquals(500, job.getJsonObject("counts").getInt("imported"), "the first incremental reads everything");
    }

    @Test
    void aLostRefreshResponseIsSurvivedInXerosGracePeriodAndReportedPlainlyForQuickBooks() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("grace");
        String xero = ProviderConsent.connected(admin, "xero", "Grace", SandboxControl.organisation(1));
        String quickbooks = ProviderConsent.connected(admin, "quickbooks", "No grace", null);
        List<String> secrets = new ArrayList<>();

        // the provider rotates the refresh token, but its answer never reaches the engine
        Tokens xeroBefore = Tokens.of(xero);
        secrets.addAll(List.of(xeroBefore.access(), xeroBefore.refresh()));
        secrets.addAll(refreshBehindTheEnginesBack("/connect/token", SandboxIT.CLIENT, SandboxIT.SECRET,
                xeroBefore.refresh()));
        expireAccessToken(xero);
        EngineClient.Reply check = admin.post("/api/integrations/" + xero + "/connection-check", null);
        assertEquals(200, check.status(), "the old refresh token still works within the grace period: " + check);
        Tokens xeroAfter = Tokens.of(xero);
        assertNotEquals(xeroBefore.refresh(), xeroAfter.refresh(), "and the newly rotated one was kept");
        assertEquals("ACTIVE", admin.get("/api/integrations/" + xero).json().getString("status"));

        Tokens quickbooksBefore = Tokens.of(quickbooks);
        secrets.addAll(List.of(quickbooksBefore.access(), quickbooksBefore.refresh()));
        secrets.addAll(refreshBehindTheEnginesBack("/oauth2/v1/tokens/bearer", "kibly-qbo-client", "kibly-qbo-secret",
                quickbooksBefore.refresh()));
        expireAccessToken(quickbooks);
        IntegrationsApiIT.assertProblem(admin.post("/api/integrations/" + quickbooks + "/connection-check", null), 409);
        JsonObject lost = admin.get("/api/integrations/" + quickbooks).json();
        assertEquals("NEEDS_REAUTH", lost.getString("status"));
        assertTrue(lost.getString("statusReason").contains("invalid_grant"), lost.toString());

        secrets.addAll(List.of(xeroAfter.access(), xeroAfter.refresh(), SandboxIT.SECRET, "kibly-qbo-secret"));
        try (var owner = Database.connect(); var all = owner.prepareStatement("select integration_id::text"
                + " from engine.provider_connection"); var rows = all.executeQuery()) {
            while (rows.next()) {
                Tokens tokens = Tokens.of(rows.getString(1));
                secrets.add(tokens.access());
                if (tokens.refresh() != null) {
                    secrets.add(tokens.refresh());
                }
            }
        }
        String log = Files.readString(Path.of(System.getProperty("kibly.it.serverLog")));
        assertTrue(log.length() > 10_000, "the server log has content");
        List<String> leaked = secrets.stream().filter(log::contains).toList();
        assertEquals(List.of(), leaked.stream().map(s -> s.substring(0, 4) + "…").toList(),
                "no token or client secret in the server log (" + secrets.size() + " checked)");
    }

    /** Refreshes at the provider with the engine's refresh token; returns the tokens the engine never sees. */
    private static List<String> refreshBehindTheEnginesBack(String path, String client, String secret,
            String refreshToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8))).build();
        HttpResponse<String> response = ProviderConsent.BROWSER.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject tokens = reader.readObject();
            return List.of(tokens.getString("access_token"), tokens.getString("refresh_token"));
        }
    }

    private static void expireAccessToken(String integration) {
        assertEquals(1, Database.count("with changed as (update engine.provider_connection set access_expires_at"
                + " = now() where integration_id = ?::uuid returning 1) select count(*) from changed", integration));
    }

    /** A connection's tokens as stored, decrypted with the test's copy of the vault keys. */
    private record Tokens(String access, String refresh) {
        static Tokens of(String integration) {
            try (var owner = Database.connect(); var query = owner.prepareStatement("select access_key_id,"
                    + " access_nonce, access_ciphertext, refresh_key_id, refresh_nonce, refresh_ciphertext"
                    + " from engine.provider_connection where integration_id = ?::uuid")) {
                query.setString(1, integration);
                try (var row = query.executeQuery()) {
                    row.next();
                    return new Tokens(VaultKeysForTests.decrypt(row.getString(1), row.getBytes(2), row.getBytes(3)),
                            row.getString(4) == null ? null
                                    : VaultKeysForTests.decrypt(row.getString(4), row.getBytes(5), row.getBytes(6)));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
