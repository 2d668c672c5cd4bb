package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rotating the token vault's key: stored tokens move to the active key, unchanged and still usable. */
@ExtendWith(ArquillianExtension.class)
class KeyRotationIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @Test
    void tokensUnderTheOldKeyAreReEncryptedUnderTheActiveKeyAndStillWork() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("rotation");
        String id = ProviderConsent.connected(admin, "quickbooks", "Rotating books", null);
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

}
