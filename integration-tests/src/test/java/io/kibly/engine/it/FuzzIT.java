package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input to every endpoint: malformed JSON, wrong types, huge strings, injection strings, unknown enum
 * values, odd ids and parameters. The engine must answer each with a 4xx problem (never a 5xx) and change nothing.
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {

    private static final Logger LOG = Logger.getLogger(FuzzIT.class.getName());

    private static final List<String> HOSTILE_VALUES = List.of("null", "5", "-1", "1e309", "true", "[]", "{}",
            "\"\"", "\"   \"", "\"" + "x".repeat(5_000) + "\"", "\"'; drop table engine.integration;--\"",
            "\"<script>alert(1)</script>\"", "\"\\u0000\"", "\"UNKNOWN_ENUM\"", "\"XERO\"", "[\"xero\"]",
            "{\"$ne\":null}", "\"${jndi:ldap://x/a}\"", "99999999999999999999999");
    private static final List<String> MALFORMED_BODIES = List.of("", "{", "}", "{not json", "[]", "null", "\"text\"",
            "{\"a\":}", "{\"provider\":\"xero\",}", "\u0000\u0001", "{" + "\"a\":{".repeat(2_000) + "}".repeat(2_001),
            "{\"name\":\"" + "y".repeat(70_000) + "\"}");
    private static final List<String> ODD_IDS = List.of("0", "-1", "abc", "%00", "..%2F..%2Fetc%2Fpasswd",
            "00000000-0000-0000-0000-000000000000", "%27%20or%20%271%27%3D%271", "9".repeat(40), "%E2%80%AE", "x".repeat(3_000));
    private static final List<String> ODD_QUERIES = List.of("limit=-5", "limit=0", "limit=1000000", "limit=abc",
            "limit=1e3", "after=nope", "after=%27%20or%201%3D1", "before=x", "from=yesterday", "to=2026-13-45",
            "action=" + "a".repeat(500), "limit=" + "9".repeat(30));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @Test
    void everyEndpointAnswersHostileInputWith4xxProblemsAndNoStateChange() {
        EngineClient client = EngineClient.forNewTenant("fuzz");
        String id = client.registerIntegration("xero", "Fuzzed", "accounting").json().getString("id");
        long integrations = Database.integrationsOf(client.tenant());
        long auditEntries = Database.auditEntriesOf(client.tenant());
        String integration = Database.count("select version from engine.integration where id = ?::uuid", id) + "";

        Map<String, Integer> answered = new LinkedHashMap<>();
        List<String> serverErrors = new ArrayList<>();
        int sent = 0;
        List<String[]> requests = new ArrayList<>();

        Map<String, String> register = Map.of("provider", "\"xero\"", "name", "\"n\"", "integrationType", "\"bank\"");
        for (String field : register.keySet()) {
            for (String value : HOSTILE_VALUES) {
                if (field.equals("name") && value.startsWith("\"") && value.length() < 300 && !value.isBlank()
                        && !value.equals("\"\"") && !value.equals("\"   \"") && !value.contains("\\u0000")) {
                    continue; // any short string without U+0000 is a valid name: not hostile here
                }
                requests.add(new String[] {"POST", "/api/integrations", body(register, field, value)});
            }
        }
        Map<String, String> rename = Map.of("name", "\"renamed\"", "version", "0");
        for (String field : rename.keySet()) {
            for (String value : HOSTILE_VALUES) {
                if (field.equals("name") && value.startsWith("\"") && value.length() < 300 && !value.equals("\"\"")
                        && !value.equals("\"   \"") && !value.contains("\\u0000")) {
                    continue;
                }
                requests.add(new String[] {"PATCH", "/api/integrations/" + id, body(rename, field, value)});
            }
        }
        Map<String, String> callback = Map.of("code", "\"c\"", "state", "\"s\"");
        for (String field : callback.keySet()) {
            for (String value : HOSTILE_VALUES) {
                requests.add(new String[] {"POST", "/api/integrations/oauth/callback", body(callback, field, value)});
            }
        }
        Map<String, String> sync = Map.of("integrationId", "\"" + id + "\"", "syncType", "\"FULL\"",
                "priority", "4", "dateFrom", "\"2024-01-01\"", "dateTo", "\"2024-12-31\"");
        for (String field : sync.keySet()) {
            for (String value : HOSTILE_VALUES) {
                requests.add(new String[] {"POST", "/api/sync-jobs", body(sync, field, value)});
            }
        }
        for (String value : HOSTILE_VALUES) {
            requests.add(new String[] {"PUT", "/api/integrations/" + id + "/organisation", "{\"tenantId\":" + value + "}"});
            requests.add(new String[] {"GET", "/api/integrations/" + id + "/auth-url?redirectUri="
                    + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8), null});
        }
        for (String malformed : MALFORMED_BODIES) {
            requests.add(new String[] {"POST", "/api/integrations/oauth/callback", malformed});
            requests.add(new String[] {"POST", "/api/sync-jobs", malformed});
            requests.add(new String[] {"PUT", "/api/integrations/" + id + "/organisation", malformed});
            requests.add(new String[] {"POST", "/api/integrations", malformed});
            requests.add(new String[] {"PATCH", "/api/integrations/" + id, malformed});
            requests.add(new String[] {"POST", "/api/enrichment-rules", malformed});
            requests.add(new String[] {"PUT", "/api/enrichment-settings", malformed});
            requests.add(new String[] {"POST", "/api/command-keys", malformed});
        }
        for (String odd : ODD_IDS) {
            requests.add(new String[] {"GET", "/api/integrations/" + odd, null});
            requests.add(new String[] {"PATCH", "/api/integrations/" + odd, "{\"name\":\"x\",\"version\":0}"});
            requests.add(new String[] {"GET", "/api/sync-jobs/" + odd, null});
            requests.add(new String[] {"GET", "/api/enrichment-rules/" + odd, null});
            requests.add(new String[] {"PUT", "/api/enrichment-rules/" + odd, "{\"priority\":1,\"match\":{\"type\":\"SPEND\"},"
                    + "\"set\":{\"category\":\"X\"},\"version\":1}"});
            requests.add(new String[] {"DELETE", "/api/enrichment-rules/" + odd, null});
            requests.add(new String[] {"DELETE", "/api/command-keys/" + odd, null});
            requests.add(new String[] {"POST", "/api/sync-jobs/" + odd + "/cancel", null});
            requests.add(new String[] {"POST", "/api/sync-jobs/" + odd + "/retry", null});
            requests.add(new String[] {"POST", "/api/batch-jobs/" + odd + "/executions", null});
            requests.add(new String[] {"GET", "/api/batch-jobs/executions/" + odd, null});
            requests.add(new String[] {"GET", "/api/integrations/" + odd + "/auth-url?redirectUri=x", null});
            requests.add(new String[] {"POST", "/api/integrations/" + odd + "/connection-check", null});
            requests.add(new String[] {"DELETE", "/api/integrations/" + odd, null});
            requests.add(new String[] {"PUT", "/api/integrations/" + odd + "/organisation", "{\"tenantId\":\"t\"}"});
        }
        for (String value : HOSTILE_VALUES) {
            String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
            for (String parameter : List.of("limit", "after", "before", "from", "action")) {
                String path = parameter.equals("after") ? "/api/integrations?" : "/api/audit?";
                requests.add(new String[] {"GET", path + parameter + "=" + encoded, null});
            }
            for (String parameter : List.of("integrationId", "status", "limit", "after")) {
                requests.add(new String[] {"GET", "/api/sync-jobs?" + parameter + "=" + encoded, null});
            }
        }
        for (String query : ODD_QUERIES) {
            requests.add(new String[] {"GET", "/api/integrations?" + query, null});
            requests.add(new String[] {"GET", "/api/audit?" + query, null});
        }
        requests.add(new String[] {"POST", "/api/integrations/" + id + "/connection-check", null}); // not connected
        requests.add(new String[] {"PUT", "/api/integrations", "{}"});

        for (String[] request : requests) {
            EngineClient.Reply reply;
            try {
                reply = client.send(request[0], request[1], request[2], Map.of());
            } catch (IllegalStateException e) {
                serverErrors.add(request[0] + " " + abbreviate(request[1]) + " " + abbreviate(String.valueOf(request[2]))
                        + " -> no answer: " + e.getCause());
                continue;
            }
            sent++;
            answered.merge(String.valueOf(reply.status()), 1, Integer::sum);
            if (reply.status() >= 500) {
                serverErrors.add(request[0] + " " + abbreviate(request[1]) + " " + abbreviate(String.valueOf(request[2]))
                        + " -> " + reply);
            } else if (!request[1].startsWith("/api/audit") && !(request[0].equals("GET") && reply.status() == 200
                    && !request[1].contains("/auth-url"))) {
                assertTrue(reply.status() >= 400, request[0] + " " + abbreviate(request[1]) + " "
                        + abbreviate(String.valueOf(request[2])) + " was accepted: " + reply);
            }
        }
        EngineClient.Reply wrongType = client.send("POST", "/api/integrations", "provider=xero",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        sent++;
        assertEquals(415, wrongType.status(), wrongType.toString());

        int total = sent;
        LOG.info(() -> "FuzzIT: " + total + " hostile requests, status counts " + answered + ", 5xx: "
                + serverErrors.size());
        assertEquals(List.of(), serverErrors, "no hostile request may cause a 5xx");
        assertTrue(sent > 250, "sent " + sent);
        assertEquals(integrations, Database.integrationsOf(client.tenant()), "no integration created");
        assertEquals(auditEntries, Database.auditEntriesOf(client.tenant()), "nothing audited, so nothing changed");
        assertEquals(integration, Database.count("select version from engine.integration where id = ?::uuid", id) + "",
                "the integration is unchanged");
    }

    @Test
    void theValuesIssue25FoundAreRefusedNamingTheirFieldAndStoreNothing() {
        EngineClient client = EngineClient.forNewTenant("fuzz-25");
        String id = client.registerIntegration("xero", "Exact", "accounting").json().getString("id");
        String interval = Database.scalar("select sync_interval_minutes from engine.integration where id = ?::uuid", id);
        for (String number : List.of("4294967297", "1e40", "1.9", "18446744073709551676")) {
            assertRefused(client.send("PATCH", "/api/integrations/" + id,
                    "{\"syncIntervalMinutes\":" + number + ",\"version\":0}", Map.of()), "syncIntervalMinutes");
        }
        assertEquals(interval, Database.scalar("select sync_interval_minutes from engine.integration where id = ?::uuid", id));
        for (String number : List.of("4294968296", "5000.99")) {
            assertRefused(client.send("PUT", "/api/enrichment-settings", "{\"baseCurrency\":\"GBP\",\"reviewThreshold\":0.5,"
                    + "\"retrainAfterLabels\":" + number + ",\"version\":0}", Map.of()), "retrainAfterLabels");
        }
        assertRefused(client.send("PUT", "/api/enrichment-settings", "{\"baseCurrency\":\"GBP\",\"reviewThreshold\":0.12345,"
                + "\"retrainAfterLabels\":10,\"version\":0}", Map.of()), "reviewThreshold");
        assertRefused(client.post("/api/integrations", "{\"provider\":\"xero\",\"name\":\"a\\u0000b\","
                + "\"integrationType\":\"accounting\"}"), "name");
        assertRefused(client.send("PATCH", "/api/integrations/" + id, "{\"name\":\"\\u0000\",\"version\":0}", Map.of()),
                "name");
        assertRefused(client.post("/api/enrichment-rules", "{\"priority\":1,\"match\":{\"type\":\"SPEND\"},"
                + "\"set\":{\"category\":\"Travel\\u0000\"}}"), "set.category");
        assertRefused(client.post("/api/enrichment-rules", "{\"priority\":1,\"match\":{\"description\":{\"mode\":"
                + "\"REGEX\",\"pattern\":\"^a\\u0000\"}},\"set\":{\"category\":\"Travel\"}}"), "match.description.pattern");
        assertRefused(client.post("/api/command-keys", "{\"label\":\"ERP\\u0000\"}"), "label");
        assertRefused(client.get("/api/sync-jobs/statistics?since=%2B1000000000-01-01T00:00:00Z"), "since");
        assertRefused(client.get("/api/transactions?dateFrom=%2B999999999-12-31"), "dateFrom");
        assertRefused(client.get("/api/transactions/summary?dateTo=0000-01-01"), "dateTo");
        assertRefused(client.get("/api/audit?actor=a%00b"), "actor");
        assertEquals(1, Database.integrationsOf(client.tenant()));
        assertEquals(0, Database.count("select count(*) from engine.command_key where tenant_id = ?", client.tenant()));
    }

    private static void assertRefused(EngineClient.Reply reply, String field) {
        IntegrationsApiIT.assertProblem(reply, 400);
        assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply.toString());
    }

    private static String body(Map<String, String> template, String field, String value) {
        StringBuilder json = new StringBuilder("{");
        template.forEach((name, original) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":").append(name.equals(field) ? value : original);
        });
        return json.append('}').toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
