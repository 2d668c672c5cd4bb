package io.kibly.engine.it;

import static io.kibly.engine.it.ProviderConsent.authUrl;
import static io.kibly.engine.it.ProviderConsent.callbackBody;
import static io.kibly.engine.it.ProviderConsent.consent;
import static io.kibly.engine.it.ProviderConsent.query;
import static io.kibly.engine.it.ProviderConsent.redirectUri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connecting integrations with the OAuth 2.0 code flow, round trip against the sandbox's Xero and QuickBooks. */
@ExtendWith(ArquillianExtension.class)
class ConnectionsIT {

    private static final HttpClient BROWSER = ProviderConsent.BROWSER;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }


    @Test
    void aXeroGrantOverTwoOrganisationsIsCompletedByChoosingOne() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("xero-connect");
        String id = admin.registerIntegration("xero", "Xero books", "accounting").json().getString("id");

        String authUrl = authUrl(admin, id);
        assertTrue(authUrl.startsWith(System.getProperty("kibly.it.sandboxUrl") + "/identity/connect/authorize?"), authUrl);
        Map<String, String> asked = query(authUrl);
        assertEquals("S256", asked.get("code_challenge_method"));
        assertTrue(asked.get("scope").contains("offline_access"));
        Map<String, String> callback = consent(authUrl);
        assertEquals(asked.get("state"), callback.get("state"));

        EngineClient.Reply connected = admin.post("/api/integrations/oauth/callback", callbackBody(callback));
        assertEquals(200, connected.status(), connected.toString());
        JsonObject body = connected.json();
        assertEquals(SandboxControl.ORGANISATIONS.size(), body.getJsonArray("organisations").size(), body.toString());
        assertFalse(body.containsKey("selectedTenantId"));
        assertEquals("PENDING_AUTH", body.getJsonObject("integration").getString("status"));
        assertFalse(connected.body().contains("token"), "no token in the answer: " + connected.body());

        String organisation = body.getJsonArray("organisations").getJsonObject(0).getString("tenantId");
        EngineClient.Reply chosen = admin.send("PUT", "/api/integrations/" + id + "/organisation",
                "{\"tenantId\":\"" + organisation + "\"}", Map.of());
        assertEquals(200, chosen.status(), chosen.toString());
        assertEquals("ACTIVE", chosen.json().getJsonObject("integration").getString("status"));
        assertEquals(organisation, chosen.json().getString("selectedTenantId"));
        assertEquals(1, Database.count("select count(*) from engine.provider_connection where integration_id = ?::uuid "
                + "and provider_tenant_id = ? and access_key_id = '" + VaultKeysForTests.NEW + "' and length(access_ciphertext) > 16 "
                + "and refresh_ciphertext is not null", id, organisation));

        long audited = Database.auditEntriesOf(admin.tenant());
        IntegrationsApiIT.assertProblem(admin.post("/api/integrations/oauth/callback", callbackBody(callback)), 400);
        assertEquals(audited, Database.auditEntriesOf(admin.tenant()), "a replayed state changes nothing");
        assertSecretsNotLogged(callback);
    }

    @Test
    void aQuickBooksGrantNamesItsRealmAndActivatesAtOnce() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("qbo-connect");
        String id = admin.registerIntegration("quickbooks", "QBO books", "accounting").json().getString("id");

        String authUrl = authUrl(admin, id);
        assertTrue(authUrl.startsWith(System.getProperty("kibly.it.sandboxUrl") + "/appcenter/connect/oauth2?"), authUrl);
        Map<String, String> callback = consent(authUrl);
        assertTrue(callback.containsKey("realmId"), callback.toString());

        EngineClient.Reply connected = admin.post("/api/integrations/oauth/callback", callbackBody(callback));
        assertEquals(200, connected.status(), connected.toString());
        assertEquals("ACTIVE", connected.json().getJsonObject("integration").getString("status"));
        assertEquals(callback.get("realmId"), connected.json().getString("selectedTenantId"));
        assertEquals("ACTIVE", admin.get("/api/integrations/" + id).json().getString("status"));
        assertSecretsNotLogged(callback);
    }

    @Test
    void anotherAttemptsQuickBooksCodeIsRefusedWithThisAttemptsStateAndActivatesNothing() throws Exception {
        EngineClient victim = EngineClient.forNewTenant("qbo-victim");
        EngineClient attacker = EngineClient.forNewTenant("qbo-attacker");
        String victimsId = victim.registerIntegration("quickbooks", "Victim's books", "accounting").json().getString("id");
        String attackersId = attacker.registerIntegration("quickbooks", "Attacker's books", "accounting").json()
                .getString("id");
        // the victim consents; its code is not redeemed yet
        Map<String, String> victims = consent(authUrl(victim, victimsId));
        // the attacker starts an attempt of its own and presents the victim's code (and realm) with its own state
        String attackersState = ProviderConsent.query(authUrl(attacker, attackersId)).get("state");
        String substituted = Json.createObjectBuilder().add("code", victims.get("code")).add("state", attackersState)
                .add("realmId", victims.get("realmId")).build().toString();

        EngineClient.Reply refused = attacker.post("/api/integrations/oauth/callback", substituted);

        IntegrationsApiIT.assertProblem(refused, 400);
        assertTrue(refused.json().getString("detail").contains("not issued for this authorisation attempt"),
                refused.toString());
        assertEquals("PENDING_AUTH", attacker.get("/api/integrations/" + attackersId).json().getString("status"));
        assertEquals(0, Database.count("select count(*) from engine.provider_connection where integration_id = ?::uuid",
                attackersId));
        // the attacker's state is used up too: a retry with it is refused before any exchange
        IntegrationsApiIT.assertProblem(attacker.post("/api/integrations/oauth/callback", substituted), 400);
        // Intuit's codes are single use: the exchange spent the victim's code, so the victim connects by
        // starting again (nothing of the attacker's attempt stays behind)
        IntegrationsApiIT.assertProblem(victim.post("/api/integrations/oauth/callback", callbackBody(victims)), 400);
        Map<String, String> again = consent(authUrl(victim, victimsId));
        EngineClient.Reply connected = victim.post("/api/integrations/oauth/callback", callbackBody(again));
        assertEquals(200, connected.status(), connected.toString());
        assertEquals("ACTIVE", victim.get("/api/integrations/" + victimsId).json().getString("status"));
        assertEquals("PENDING_AUTH", attacker.get("/api/integrations/" + attackersId).json().getString("status"));
    }

    @Test
    void aForeignStateIsRefusedAndLeavesTheOwnersAttemptUsable() throws Exception {
        EngineClient owner = EngineClient.forNewTenant("state-owner");
        EngineClient stranger = EngineClient.forNewTenant("state-stranger");
        String id = owner.registerIntegration("quickbooks", "Owner's books", "bank").json().getString("id");
        Map<String, String> callback = consent(authUrl(owner, id));

        IntegrationsApiIT.assertProblem(stranger.post("/api/integrations/oauth/callback", callbackBody(callback)), 400);
        assertEquals("PENDING_AUTH", owner.get("/api/integrations/" + id).json().getString("status"));

        assertEquals(200, owner.post("/api/integrations/oauth/callback", callbackBody(callback)).status());
        assertEquals("ACTIVE", owner.get("/api/integrations/" + id).json().getString("status"));
    }

    @Test
    void disconnectingEndsTheGrantAtTheProviderAndErasesTheTokens() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("disconnect");
        String id = admin.registerIntegration("quickbooks", "Leaving books", "accounting").json().getString("id");
        Map<String, String> callback = consent(authUrl(admin, id));
        assertEquals(200, admin.post("/api/integrations/oauth/callback", callbackBody(callback)).status());
        String accessToken = storedAccessToken(id);
        String query = "/v3/company/" + callback.get("realmId") + "/query?query="
                + URLEncoder.encode("SELECT * FROM Purchase MAXRESULTS 1", StandardCharsets.UTF_8);
        assertEquals(200, sandboxGet(query, accessToken), "the token works before");

        EngineClient.Reply disconnected = admin.send("DELETE", "/api/integrations/" + id, null, Map.of());

        assertEquals(200, disconnected.status(), disconnected.toString());
        assertEquals("DISCONNECTED", disconnected.json().getString("status"));
        assertEquals(0, Database.count("select count(*) from engine.provider_connection where integration_id = ?::uuid", id));
        assertEquals(401, sandboxGet(query, accessToken), "the grant ended at the provider");
        assertEquals(1, Database.count("select count(*) from engine.audit_entry where target_id = ? "
                + "and action = 'integration.disconnected' and changes->'revokedAtProvider'->>'after' = 'true'", id));
        assertEquals(1, Database.count("select count(*) from engine.integration where id = ?::uuid", id),
                "the integration (and what it imported) is kept");
    }

    private static String storedAccessToken(String integrationId) throws Exception {
        try (var owner = Database.connect(); var query = owner.prepareStatement("select access_key_id, access_nonce, "
                + "access_ciphertext from engine.provider_connection where integration_id = ?::uuid")) {
            query.setString(1, integrationId);
            try (var row = query.executeQuery()) {
                row.next();
                return VaultKeysForTests.decrypt(row.getString(1), row.getBytes(2), row.getBytes(3));
            }
        }
    }

    private static int sandboxGet(String path, String accessToken) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(URI.create(System.getProperty("kibly.it.sandboxUrl") + path))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void anUnregisteredRedirectUriOrAnUnknownStateIsA400() {
        EngineClient admin = EngineClient.forNewTenant("bad-redirect");
        String id = admin.registerIntegration("xero", "Books", "accounting").json().getString("id");

        IntegrationsApiIT.assertProblem(admin.get("/api/integrations/" + id + "/auth-url?redirectUri="
                + URLEncoder.encode("https://evil.example/steal", StandardCharsets.UTF_8)), 400);
        IntegrationsApiIT.assertProblem(admin.get("/api/integrations/" + id + "/auth-url"), 400);
        IntegrationsApiIT.assertProblem(admin.post("/api/integrations/oauth/callback",
                "{\"code\":\"c\",\"state\":\"never-issued\"}"), 400);
        IntegrationsApiIT.assertProblem(admin.withRoles("OPERATOR").get("/api/integrations/" + id + "/auth-url?redirectUri="
                + URLEncoder.encode(redirectUri(), StandardCharsets.UTF_8)), 403);
        assertEquals(0, Database.count("select count(*) from engine.authorization_attempt where integration_id = ?::uuid", id));
    }





    private static void assertSecretsNotLogged(Map<String, String> callback) throws IOException {
        String log = Files.readString(Path.of(System.getProperty("kibly.it.serverLog")));
        assertFalse(log.contains(callback.get("code")), "the authorisation code is in the server log");
        assertFalse(log.contains(callback.get("state")), "the state is in the server log");
    }
}
