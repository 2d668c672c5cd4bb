package io.kibly.engine.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kibly.engine.interfaces.enrichment.rest.EnrichmentSettingsResource;
import io.kibly.engine.interfaces.integration.rest.RenameIntegrationRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The API's JSON-B binding: numbers bind exactly or not at all (issue #25 found them wrapped and truncated). */
class StrictJsonTest {

    private final Jsonb jsonb = new StrictJson().getContext(Object.class);

    @ParameterizedTest
    @ValueSource(strings = {"4294967297", "1e40", "1.9", "18446744073709551676", "-2147483649", "2147483648"})
    void anIntegerFieldRefusesWhatAnIntCannotHoldExactly(String number) {
        assertThrows(JsonbException.class, () -> jsonb.fromJson(
                "{\"syncIntervalMinutes\":" + number + ",\"version\":0}", RenameIntegrationRequest.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294968296", "5000.99", "1e10"})
    void retrainAfterLabelsRefusesWrappedAndTruncatedValues(String number) {
        assertThrows(JsonbException.class, () -> jsonb.fromJson("{\"baseCurrency\":\"GBP\",\"reviewThreshold\":0.5,"
                + "\"retrainAfterLabels\":" + number + ",\"version\":0}", EnrichmentSettingsResource.Change.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "1e19", "0.5"})
    void aLongFieldRefusesWhatALongCannotHoldExactly(String number) {
        assertThrows(JsonbException.class, () -> jsonb.fromJson(
                "{\"name\":\"n\",\"version\":" + number + "}", RenameIntegrationRequest.class));
    }

    @Test
    void exactValuesBindAsThemselves() {
        RenameIntegrationRequest request = jsonb.fromJson(
                "{\"syncIntervalMinutes\":2147483647,\"version\":9223372036854775807}", RenameIntegrationRequest.class);
        assertEquals(Integer.MAX_VALUE, request.getSyncIntervalMinutes());
        assertEquals(Long.MAX_VALUE, request.getVersion());
        assertEquals(100, jsonb.fromJson("{\"syncIntervalMinutes\":1e2,\"version\":0}",
                RenameIntegrationRequest.class).getSyncIntervalMinutes(), "1e2 is exactly 100");
    }

    @Test
    void textWithANulCharacterIsRefused() {
        assertThrows(JsonbException.class, () -> jsonb.fromJson("{\"name\":\"a\\u0000b\",\"version\":0}",
                RenameIntegrationRequest.class));
    }
}
