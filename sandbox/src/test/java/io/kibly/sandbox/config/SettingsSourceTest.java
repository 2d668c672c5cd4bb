package io.kibly.sandbox.config;

import io.kibly.sandbox.admin.SettingsChange;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsSourceTest {

    @Test
    void defaultsAreXerosPublishedFigures() {
        SandboxSettings settings = new SettingsSource(key -> null).read();
        assertEquals(20161013L, settings.seed());
        assertEquals(2, settings.organisations().size());
        assertEquals(100_000, settings.organisations().get(0).transactionCount());
        assertEquals(XeroLimits.asPublished(), settings.xeroLimits());
        assertEquals(Duration.ofMinutes(30), settings.accessTokenLifetime());
        assertEquals(0.0, settings.faultRate());
        assertEquals(Map.of("kibly-sandbox-client", "kibly-sandbox-secret"),
                new SettingsSource(key -> null).xeroClients());
    }

    @Test
    void readsOrganisationsCountsAndLimits() {
        SandboxSettings settings = new SettingsSource(Map.of(
                "sandbox.xero.organisations", "a:Alpha, b",
                "sandbox.xero.transactionsPerOrganisation", "2_500",
                "sandbox.xero.transactions.b", "7",
                "sandbox.xero.limit.perMinute", "3")::get).read();
        assertEquals(new Organisation("a", "Alpha", 2_500), settings.organisations().get(0));
        assertEquals(new Organisation("b", "Organisation b", 7), settings.organisations().get(1));
        assertEquals(3, settings.xeroLimits().perMinute());
        assertThrows(IllegalArgumentException.class,
                () -> new SettingsSource(Map.of("sandbox.seed", "x")::get).read());
    }

    @Test
    void aPartialChangeKeepsTheRest() {
        SandboxSettings before = new SettingsSource(Map.of("sandbox.xero.organisations", "a:Alpha")::get).read();
        SandboxSettings after = SettingsChange.apply(before, Json.createObjectBuilder()
                .add("faultRate", 0.1)
                .add("xeroLimits", Json.createObjectBuilder().add("perMinute", 5))
                .add("transactionCounts", Json.createObjectBuilder().add("a", 10))
                .build());
        assertEquals(0.1, after.faultRate());
        assertEquals(5, after.xeroLimits().perMinute());
        assertEquals(5_000, after.xeroLimits().perDay());
        assertEquals(10, after.organisation("a").orElseThrow().transactionCount());
        assertEquals(before.seed(), after.seed());
    }
}
