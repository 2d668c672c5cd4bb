package io.kibly.sandbox.admin;

import io.kibly.sandbox.config.SettingsSource;
import io.kibly.sandbox.faults.FaultSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsChangeFaultsTest {

    @Test
    void aPartialFaultsObjectKeepsTheRestAndShowsInTheConfig() {
        FaultSettings before = FaultSettings.none(5).withUnavailableRate(0.1);
        FaultSettings after = SettingsChange.applyFaults(before, Json.createObjectBuilder()
                .add("faults", Json.createObjectBuilder().add("serverErrorRate", 0.2).add("timeoutMillis", 1_000)
                        .add("malformedRate", 0.05).add("seed", 9))
                .build());
        assertEquals(new FaultSettings(0.2, 0.1, 0, 2_000, 0, 1_000, 0.05, 9), after);
        assertEquals(before, SettingsChange.applyFaults(before, Json.createObjectBuilder().build()));
        JsonObject json = SettingsChange.toJson(new SettingsSource(key -> null).read(), after)
                .getJsonObject("faults");
        assertEquals(Json.createObjectBuilder().add("serverErrorRate", 0.2).add("slowRate", 0.0)
                .add("slowMillis", 2_000).add("timeoutRate", 0.0).add("timeoutMillis", 1_000)
                .add("malformedRate", 0.05).add("seed", 9).build(), json);
    }
}
