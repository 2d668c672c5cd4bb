package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rotating the token vault's key: stored tokens move to the active key, unchanged and still usable. */
@ExtendWith(ArquillianExtension.class)
class KeyRotationIT {

    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @Test
    void tokensUnderTheOldKeyAreReEncryptedUnderTheActiveKeyAndStillWork() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("rotation");
        String id = connectQuickBooks(admin);
        String accessToken;
        try (Connection owner = Database.connect()) {
            Stored stored = read(owner, id);
            assertEquals(VaultKeysForTests.NEW, stored.keyId);
            accessToken = VaultKeysForTests.decrypt(stored.keyId, stored.nonce, stored.ciphertext);
            // Plant the token as it was before the new key existed: encrypted under the old one.
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            try (PreparedStatement plant = owner.prepareStatement("update engine.provider_connection set "
                    + "access_key_id = ?, access_nonce = ?, access_ciphertext = ? where integration_id = ?::uuid")) {
                plant.setString(1, VaultKeysForTests.OLD);
                plant.setBytes(2, nonce);
                plant.setBytes(3, VaultKeysForTests.encrypt(VaultKeysForTests.OLD, nonce, accessToken));
                plant.setString(4, id);
                assertEquals(1, plant.executeUpdate());
            }
        }
        assertFalse(accessToken.isBlank());

        EngineClient.Reply rotated = admin.post("/api/connections/key-rotation", null);

        assertEquals(200, rotated.status(), rotated.toString());
        assertEquals(1, rotated.json().getInt("connections"));
        assertEquals(VaultKeysForTests.NEW, rotated.json().getString("activeKeyId"));
        try (Connection owner = Database.connect()) {
            Stored stored = read(owner, id);
            assertEquals(VaultKeysForTests.NEW, stored.keyId);
            assertArrayEquals(accessToken.getBytes(StandardCharsets.UTF_8),
                    VaultKeysForTests.decrypt(stored.keyId, stored.nonce, stored.ciphertext)
                            .getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(0, Database.count("select count(*) from engine.provider_connection where tenant_id = ? and "
                + "(access_key_id <> ? or refresh_key_id <> ?)", admin.tenant(), VaultKeysForTests.NEW,
                VaultKeysForTests.NEW));
        assertEquals(200, admin.post("/api/integrations/" + id + "/connection-check", null).status(),
                "the engine still reads the token");
        assertEquals(0, EngineClient.forNewTenant("no-connections").post("/api/connections/key-rotation", null)
                .json().getInt("connections"));
        IntegrationsApiIT.assertProblem(admin.withRoles("OPERATOR").post("/api/connections/key-rotation", null), 403);
    }

    private record Stored(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private static Stored read(Connection owner, String integrationId) throws Exception {
        try (PreparedStatement query = owner.prepareStatement("select access_key_id, access_nonce, access_ciphertext "
                + "from engine.provider_connection where integration_id = ?::uuid")) {
            query.setString(1, integrationId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Stored(row.getString(1), row.getBytes(2), row.getBytes(3));
            }
        }
    }

    private static String connectQuickBooks(EngineClient admin) throws Exception {
        String id = admin.registerIntegration("quickbooks", "Rotating books", "accounting").json().getString("id");
        String redirect = System.getProperty("kibly.it.baseUrl") + "/admin/oauth-callback.html";
        String authUrl = admin.get("/api/integrations/" + id + "/auth-url?redirectUri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8)).json().getString("authUrl");
        HttpResponse<String> consent = BROWSER.send(HttpRequest.newBuilder(URI.create(authUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> callback = Arrays.stream(URI.create(consent.headers().firstValue("Location").orElseThrow())
                        .getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        JsonObject body = Json.createObjectBuilder().add("code", callback.get("code")).add("state", callback.get("state"))
                .add("realmId", callback.get("realmId")).build();
        assertEquals(200, admin.post("/api/integrations/oauth/callback", body.toString()).status());
        return id;
    }
}
