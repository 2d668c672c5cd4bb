package io.kibly.engine.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kibly.engine.interfaces.command.rest.IssueCommandKeyRequest;
import io.kibly.engine.interfaces.enrichment.rest.EnrichmentSettingsResource;
import io.kibly.engine.interfaces.integration.rest.RegisterIntegrationRequest;
import io.kibly.engine.interfaces.integration.rest.RenameIntegrationRequest;
import io.kibly.engine.interfaces.sync.rest.StartSyncJobRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The checks every JSON body passes before binding: each refusal names the field as the request has it. */
class JsonBodiesTest {

    @Test
    void nulInAnyStringOfAnyBodyIsRefusedNamingItsField() {
        assertRefused("{\"provider\":\"xero\",\"name\":\"a\\u0000b\",\"integrationType\":\"bank\"}",
                RegisterIntegrationRequest.class, "name", "U+0000");
        assertRefused("{\"label\":\"\\u0000\"}", IssueCommandKeyRequest.class, "label", "U+0000");
        // a rule is read as text by its resource: the same check, with the nested field's path
        assertRefused("{\"priority\":1,\"match\":{\"description\":{\"mode\":\"CONTAINS\",\"pattern\":\"x\\u0000\"}},"
                + "\"set\":{\"category\":\"Travel\"}}", String.class, "match.description.pattern", "U+0000");
        assertRefused("{\"set\":{\"category\":\"T\\u0000\",\"tags\":[\"a\",\"\\ud800\"]}}", String.class,
                "set.category", "U+0000");
        assertRefused("{\"set\":{\"tags\":[\"a\",\"\\ud800\"]}}", String.class, "set.tags[1]", "unpaired surrogate");
        assertRefused("{\"a\\u0000\":1}", jakarta.json.JsonObject.class, "body", "a field name");
    }

    @Test
    void wholeNumbersOutsideTheirJavaTypeOrWithAFractionAreRefusedNamingTheField() {
        for (String number : new String[] {"4294967297", "1e40", "1.9", "18446744073709551676", "-2147483649", "\"5\""}) {
            assertRefused("{\"syncIntervalMinutes\":" + number + ",\"version\":0}", RenameIntegrationRequest.class,
                    "syncIntervalMinutes", number.startsWith("\"") ? "whole number" : "from -2147483648 to 2147483647");
        }
        assertRefused("{\"baseCurrency\":\"GBP\",\"reviewThreshold\":0.5,\"retrainAfterLabels\":4294968296,"
                + "\"version\":0}", EnrichmentSettingsResource.Change.class, "retrainAfterLabels", "whole number");
        assertRefused("{\"baseCurrency\":\"GBP\",\"reviewThreshold\":0.5,\"retrainAfterLabels\":5000.99,"
                + "\"version\":0}", EnrichmentSettingsResource.Change.class, "retrainAfterLabels", "whole number");
        assertRefused("{\"name\":\"n\",\"version\":1e999999999}", RenameIntegrationRequest.class, "version",
                "whole number");
        assertRefused("{\"baseCurrency\":\"GBP\",\"reviewThreshold\":1e-999999999,\"retrainAfterLabels\":5,"
                + "\"version\":0}", EnrichmentSettingsResource.Change.class, "reviewThreshold", "digits");
    }

    @Test
    void typesAndUnknownFieldsAreTheCallersMistake() {
        assertRefused("{\"integrationId\":5,\"syncType\":\"FULL\"}", StartSyncJobRequest.class, "integrationId",
                "must be a string");
        assertRefused("{\"integrationId\":\"x\",\"syncType\":\"FULL\",\"force\":true}", StartSyncJobRequest.class,
                "force", "is not a field");
        assertRefused("{\"integrationId\":\"x\",\"priority\":[4]}", StartSyncJobRequest.class, "priority",
                "whole number");
    }

    @Test
    void validBodiesAndNonJsonPassUntouched() {
        JsonBodies.check(bytes("{\"syncIntervalMinutes\":2147483647,\"version\":9223372036854775807,\"name\":null}"),
                RenameIntegrationRequest.class);
        JsonBodies.check(bytes("{\"syncIntervalMinutes\":1e2,\"version\":0}"), RenameIntegrationRequest.class);
        JsonBodies.check(bytes("{\"name\":\"Main books – 💷\",\"provider\":\"xero\"}"), RegisterIntegrationRequest.class);
        JsonBodies.check(bytes("{not json"), RegisterIntegrationRequest.class);
        JsonBodies.check(bytes(""), RegisterIntegrationRequest.class);
    }

    private static void assertRefused(String body, Class<?> target, String field, String message) {
        JsonBodies.InvalidField refused = assertThrows(JsonBodies.InvalidField.class,
                () -> JsonBodies.check(bytes(body), target), body);
        assertEquals(field, refused.field(), body);
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains(message),
                refused.getMessage() + " should mention " + message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
