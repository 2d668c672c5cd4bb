package io.kibly.sandbox.config;

import io.kibly.sandbox.faults.FaultSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuthClientTest {

    @Test
    void parsesIdSecretAndRedirectUris() {
        List<OAuthClient> clients = OAuthClient.parseList(
                "a:s1:https://x.example/cb|http://localhost:8080/cb, b:s2");
        assertEquals(List.of(
                new OAuthClient("a", "s1", List.of("https://x.example/cb", "http://localhost:8080/cb")),
                new OAuthClient("b", "s2", List.of())), clients);
        assertTrue(clients.get(0).acceptsRedirectUri("http://localhost:8080/cb"));
        assertFalse(clients.get(0).acceptsRedirectUri("https://x.example/cb2"));
        assertTrue(clients.get(1).acceptsRedirectUri("https://anything.example/"));
    }

    @Test
    void xeroClientsKeepTheirSecretsWhenUrisAreRegistered() {
        SettingsSource source = new SettingsSource(Map.of("sandbox.xero.clients", "a:s1:https://x.example/cb")::get);
        assertEquals(Map.of("a", "s1"), source.xeroClients());
        assertEquals(List.of(new OAuthClient("kibly-qbo-client", "kibly-qbo-secret", List.of())),
                new SettingsSource(key -> null).quickBooksClients());
    }

    @Test
    void faultSettingsComeFromSystemPropertiesWithTheSeedAsDefault() {
        assertEquals(new FaultSettings(0, 0, 0, 2_000, 0, 30_000, 0, 20161013L),
                new SettingsSource(key -> null).faults());
        assertEquals(new FaultSettings(0.1, 0.2, 0.3, 500, 0.05, 1_000, 0.25, 9),
                new SettingsSource(Map.of("sandbox.fault.serverErrorRate", "0.1", "sandbox.faultRate", "0.2",
                        "sandbox.fault.slowRate", "0.3", "sandbox.fault.slowMillis", "500",
                        "sandbox.fault.timeoutRate", "0.05", "sandbox.fault.timeoutMillis", "1000",
                        "sandbox.fault.malformedRate", "0.25", "sandbox.fault.seed", "9")::get).faults());
    }
}
