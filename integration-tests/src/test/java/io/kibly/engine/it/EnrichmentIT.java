package io.kibly.engine.it;

import static io.kibly.engine.it.WorkersIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enrichment end to end: rules in priority order, re-enrichment after a rule change that never touches the
 * provider's fields, amounts in the base currency (a missing rate flagged), the learned categoriser, and an
 * enrichment failure that neither blocks nor fails the import. Every expectation is computed here, from the
 * stored provider fields, independently of the engine's code.
 */
@ExtendWith(ArquillianExtension.class)
class EnrichmentIT {

    private static final Duration ENRICHED = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @BeforeEach
    @AfterEach
    void resetSandbox() {
        SandboxControl.reset();
    }

    @Test
    void rulesApplyInPriorityOrderAndAChangedRuleReEnrichesWithoutTouchingProviderFields() throws Exception {
        String organisation = SandboxControl.organisation(14);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":800}}");
        EngineClient admin = EngineClient.forNewTenant("enrich-rules");
        String integration = ProviderConsent.connected(admin, "xero", "Rules", organisation);
        long software = rule(admin, "{\"priority\":1,\"match\":{\"contact\":\"xero\"},"
                + "\"set\":{\"category\":\"Software\",\"tags\":[\"saas\",\"recurring\"]}}");
        long transport = rule(admin, "{\"priority\":2,\"match\":{\"description\":{\"mode\":\"REGEX\","
                + "\"pattern\":\"^(travel|courier)$\"}},\"set\":{\"category\":\"Transport\"}}");
        long small = rule(admin, "{\"priority\":3,\"match\":{\"maxAmount\":200},"
                + "\"set\":{\"category\":\"Small\",\"accountCode\":\"429\"}}");
        long consulting = rule(admin, "{\"priority\":3,\"match\":{\"description\":{\"mode\":\"CONTAINS\","
                + "\"pattern\":\"CONSULT\"}},\"set\":{\"category\":\"Consulting\"}}");

        JsonObject job = SyncJobsIT.finished(admin, admin.startSync(integration, "FULL").json());
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        awaitEnriched(admin.tenant(), 800);

        Map<Long, Expected> rules = new HashMap<>();
        rules.put(software, r -> "xero".equalsIgnoreCase(r.contactName) ? "Software" : null);
        rules.put(transport, r -> r.description != null && r.description.toLowerCase(Locale.ROOT)
                .matches("travel|courier") ? "Transport" : null);
        rules.put(small, r -> r.total.compareTo(new BigDecimal("200")) <= 0 ? "Small" : null);
        rules.put(consulting, r -> r.description != null && r.description.toLowerCase(Locale.ROOT)
                .contains("consult") ? "Consulting" : null);
        List<Long> order = List.of(software, transport, small, consulting); // priority, then id (small < consulting)
        String providerFields = providerFieldsDigest(admin.tenant());
        Map<String, Long> byRule = assertEnrichedAsRules(admin.tenant(), order, rules);
        assertTrue(byRule.values().stream().allMatch(n -> n > 0), "every rule matched something: " + byRule);
        assertEquals(List.of("saas", "recurring"), tagsOfARowCategorised(admin, "Software"));
        assertEquals("429", Database.scalar("select account_code from engine.ledger_transaction where tenant_id = ?"
                + " and category = 'Small' limit 1", admin.tenant()));

        // a changed rule re-enriches, asynchronously, and never touches a provider field
        JsonObject smallRule = admin.get("/api/enrichment-rules/" + small).json();
        EngineClient.Reply changed = admin.send("PUT", "/api/enrichment-rules/" + small, "{\"priority\":3,"
                + "\"match\":{\"maxAmount\":500},\"set\":{\"category\":\"Petty\"},\"version\":"
                + smallRule.getInt("version") + "}", Map.of());
        assertEquals(200, changed.status(), changed.toString());
        rules.put(small, r -> r.total.compareTo(new BigDecimal("500")) <= 0 ? "Petty" : null);
        await(() -> Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and category = 'Small'", admin.tenant()), n -> n == 0, ENRICHED);
        awaitStable(admin.tenant(), order, rules);
        // a stale version is refused, and changes nothing
        IntegrationsApiIT.assertProblem(admin.send("PUT", "/api/enrichment-rules/" + small, "{\"priority\":3,"
                + "\"match\":{\"maxAmount\":1},\"set\":{\"category\":\"Stale\"},\"version\":"
                + smallRule.getInt("version") + "}", Map.of()), 409);

        // a removed rule: its transactions fall to the next rule, or to none
        assertEquals(204, admin.send("DELETE", "/api/enrichment-rules/" + software, null, Map.of()).status());
        rules.remove(software);
        List<Long> without = List.of(transport, small, consulting);
        await(() -> Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and category = 'Software'", admin.tenant()), n -> n == 0, ENRICHED);
        awaitStable(admin.tenant(), without, rules);
        assertEquals(providerFields, providerFieldsDigest(admin.tenant()), "no provider field changed");

        // every amount in the base currency (GBP by default), exactly: total / the provider's rate
        List<Row> rows = rows(admin.tenant());
        BigDecimal activeBaseTotal = BigDecimal.ZERO;
        for (Row r : rows) {
            BigDecimal expected = r.currency.equals("GBP") ? r.total.setScale(2, RoundingMode.HALF_EVEN)
                    : r.total.divide(r.rate, 2, RoundingMode.HALF_EVEN);
            assertEquals(0, expected.compareTo(r.baseAmount), r.providerId + " " + r.total + " " + r.currency
                    + " at " + r.rate + " -> " + r.baseAmount);
            assertEquals("GBP", r.baseCurrency);
            if (r.status.equals("ACTIVE")) {
                activeBaseTotal = activeBaseTotal.add(r.direction.equals("IN") ? expected : expected.negate());
            }
        }
        assertTrue(rows.stream().anyMatch(r -> !r.currency.equals("GBP")), "some rows were converted");
        JsonArray summary = admin.get("/api/transactions/summary/base-currency?status=ACTIVE").jsonArray();
        assertEquals(1, summary.size(), summary.toString());
        assertEquals(0, activeBaseTotal.compareTo(summary.getJsonObject(0).getJsonNumber("total").bigDecimalValue()),
                activeBaseTotal + " vs " + summary);
        assertEquals(0, summary.getJsonObject(0).getInt("rateMissing"));

        // a foreign-currency transaction without a rate is flagged, left out of the base total, never taken at 1.0
        JsonObject sample = SandboxControl.xeroTransaction(organisation, rows.get(0).providerId);
        SandboxControl.xeroChange("POST", organisation, "", Json.createObjectBuilder(sample).remove("BankTransactionID")
                .add("CurrencyCode", "USD").add("CurrencyRate", jakarta.json.JsonValue.NULL).add("Status", "AUTHORISED")
                .add("Reference", "no rate").build().toString());
        JsonObject incremental = SyncJobsIT.finished(admin, admin.startSync(integration, "INCREMENTAL").json());
        assertEquals(1, incremental.getJsonObject("counts").getInt("imported"), incremental.toString());
        await(() -> Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and reference = 'no rate' and enriched_at is not null", admin.tenant()), n -> n == 1, ENRICHED);
        assertEquals("true|", Database.scalar("select rate_missing || '|' || coalesce(base_amount::text, '')"
                + " from engine.ledger_transaction where tenant_id = ? and reference = 'no rate'", admin.tenant()));
        JsonObject withMissing = admin.get("/api/transactions/summary/base-currency?status=ACTIVE").jsonArray()
                .getJsonObject(0);
        assertEquals(1, withMissing.getInt("rateMissing"), withMissing.toString());
        assertEquals(0, activeBaseTotal.compareTo(withMissing.getJsonNumber("total").bigDecimalValue()),
                "the row without a rate is not in the total");

        // and the API shows what enriched each transaction
        JsonObject listed = admin.get("/api/transactions?limit=5").json().getJsonArray("items").getJsonObject(0);
        assertNotNull(listed.getJsonObject("enrichment"), listed.toString());
    }

    @Test
    void theLearnedCategoriserBeatsTheMajorityClassOnTransactionsItDidNotLearnFrom() throws Exception {
        String organisation = SandboxControl.organisation(15);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":5000}}");
        EngineClient admin = EngineClient.forNewTenant("enrich-model");
        String integration = ProviderConsent.connected(admin, "xero", "Categoriser", organisation);
        EngineClient.Reply settings = admin.send("PUT", "/api/enrichment-settings", "{\"baseCurrency\":\"GBP\","
                + "\"reviewThreshold\":0.7,\"retrainAfterLabels\":1000,\"version\":0}", Map.of());
        assertEquals(200, settings.status(), settings.toString());

        assertEquals("COMPLETED", SyncJobsIT.finished(admin, admin.startSync(integration, "FULL").json())
                .getString("status"));
        awaitEnriched(admin.tenant(), 5000);
        JsonObject categoriser = await(() -> admin.get("/api/enrichment-settings/categoriser").json(),
                c -> c.getBoolean("trained"), ENRICHED);
        assertTrue(categoriser.getJsonNumber("version").longValue() >= 1, categoriser.toString());
        // once a model exists, nothing stays without a prediction
        await(() -> Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and enriched_by <> 'MODEL'", admin.tenant()), n -> n == 0, ENRICHED);

        // held out: transactions not reconciled were never training examples; their provider code is the truth
        long heldOut = Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and not reconciled and provider_account_code is not null", admin.tenant());
        long correct = Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and not reconciled and category = provider_account_code", admin.tenant());
        long majority = Database.count("select max(n) from (select count(*) n from engine.ledger_transaction"
                + " where tenant_id = ? and not reconciled and provider_account_code is not null"
                + " group by provider_account_code) g", admin.tenant());
        assertTrue(heldOut > 500, "held out " + heldOut);
        double accuracy = (double) correct / heldOut;
        double baseline = (double) majority / heldOut;
        assertTrue(accuracy > baseline + 0.3, "accuracy " + accuracy + " vs majority " + baseline);
        // each prediction records its model and confidence; below the threshold it needs review, and only then
        assertEquals(0, Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and (model_version is null or confidence is null"
                + " or needs_review <> (confidence < 0.7))", admin.tenant()));
    }

    @Test
    void aFailingEnrichmentNeitherBlocksNorFailsTheImportAndIsRetriedOnItsOwnQueue() throws Exception {
        String organisation = SandboxControl.organisation(16);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":1500}}");
        EngineClient admin = EngineClient.forNewTenant("enrich-failing");
        String integration = ProviderConsent.connected(admin, "xero", "Failing enrichment", organisation);
        // A rule stored corrupt (an invalid pattern, written past the API's validation): the importer cannot
        // enrich its pages, nor can the enrichment queue, until the rule is gone.
        Database.execute("insert into engine.enrichment_rule (tenant_id, priority, description_mode,"
                + " description_pattern, category, tags, version, created_at, updated_at)"
                + " values ('" + admin.tenant() + "', 1, 'REGEX', '([', 'Broken', '{}', 1, now(), now())");
        try {
            JsonObject job = SyncJobsIT.finished(admin, admin.startSync(integration, "FULL").json());
            assertEquals("COMPLETED", job.getString("status"), job.toString());
            assertEquals(1500, job.getJsonObject("counts").getInt("imported"));
            assertEquals(SandboxControl.xeroTruth(organisation), SandboxControl.stored(integration),
                    "the import is exact although enrichment fails");
            await(() -> Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                    + " and enrichment_error like '%Invalid regular expression%'", admin.tenant()), n -> n == 1500, ENRICHED);
            assertEquals(1500, Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                    + " and enriched_at is null", admin.tenant()));
        } finally {
            Database.execute("delete from engine.enrichment_rule where tenant_id = '" + admin.tenant() + "'");
        }
        // the retries (1, 2, 4, 8, 16 s apart) find it working again
        awaitEnriched(admin.tenant(), 1500);
        assertEquals(0, Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and enrichment_error is not null", admin.tenant()));
    }

    @Test
    void invalidRulesAreRefusedWithTheFieldAndChangeNothing() {
        EngineClient admin = EngineClient.forNewTenant("enrich-invalid");
        for (String body : List.of("{}", "{\"priority\":1,\"match\":{},\"set\":{\"category\":\"X\"}}",
                "{\"priority\":1,\"match\":{\"description\":{\"mode\":\"REGEX\",\"pattern\":\"([\"}},"
                        + "\"set\":{\"category\":\"X\"}}",
                "{\"priority\":1,\"match\":{\"minAmount\":10,\"maxAmount\":5},\"set\":{\"category\":\"X\"}}",
                "{\"priority\":1,\"match\":{\"type\":\"SPEND\"},\"set\":{}}",
                "{\"priority\":1,\"match\":{\"type\":\"SPEND\"},\"set\":{\"category\":\"X\"},\"colour\":\"red\"}",
                "{\"priority\":\"high\",\"match\":{\"type\":\"SPEND\"},\"set\":{\"category\":\"X\"}}")) {
            IntegrationsApiIT.assertProblem(admin.post("/api/enrichment-rules", body), 400);
        }
        IntegrationsApiIT.assertProblem(admin.withRoles("VIEWER").post("/api/enrichment-rules",
                "{\"priority\":1,\"match\":{\"type\":\"SPEND\"},\"set\":{\"category\":\"X\"}}"), 403);
        IntegrationsApiIT.assertProblem(admin.get("/api/enrichment-rules/999999999"), 404);
        IntegrationsApiIT.assertProblem(admin.send("PUT", "/api/enrichment-settings", "{\"baseCurrency\":\"pounds\","
                + "\"reviewThreshold\":0.5,\"retrainAfterLabels\":10,\"version\":0}", Map.of()), 400);
        assertEquals(0, admin.get("/api/enrichment-rules").jsonArray().size());
        assertEquals("GBP", admin.get("/api/enrichment-settings").json().getString("baseCurrency"));
        // another tenant never sees the rules
        rule(admin, "{\"priority\":1,\"match\":{\"type\":\"SPEND\"},\"set\":{\"category\":\"X\"}}");
        assertEquals(0, EngineClient.forNewTenant("enrich-other").get("/api/enrichment-rules").jsonArray().size());
    }

    @Test
    void patternsThatCanBacktrackWithoutEndAreRefusedNamingThePatternAndCreateNothing() {
        EngineClient admin = EngineClient.forNewTenant("enrich-regex-refused");
        Map<String, String> refused = Map.of("(.*a){12}x", "nests quantifiers", "((.+)+)+\\1x", "nests quantifiers",
                "(a+)+", "nests quantifiers", "(\\w+\\s?)+$", "nests quantifiers", "(\\w+) \\1", "back-reference \\1",
                "(?<w>\\w+) \\k<w>", "back-reference \\k<w>");
        refused.forEach((pattern, why) -> {
            for (String field : List.of("description", "reference")) {
                EngineClient.Reply reply = admin.post("/api/enrichment-rules", regexRule(1, field, pattern, "X"));
                IntegrationsApiIT.assertProblem(reply, 400);
                JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
                assertEquals("match." + field + ".pattern", error.getString("field"), reply.toString());
                assertTrue(error.getString("message").contains(why), pattern + ": " + reply);
            }
        });
        assertEquals(0, admin.get("/api/enrichment-rules").jsonArray().size());
        assertEquals(0, Database.count("select count(*) from engine.enrichment_rule where tenant_id = ?",
                admin.tenant()));

        // the everyday patterns stay accepted, enabled
        List<String> accepted = List.of("^TESCO\\b", "(?i)uber|lyft", "[0-9]{4}", "(ab)+", "(?>a+)+x");
        for (String pattern : accepted) {
            rule(admin, regexRule(1, "description", pattern, "Fine"));
        }
        JsonArray rules = admin.get("/api/enrichment-rules").jsonArray();
        assertEquals(accepted, rules.stream().map(r -> r.asJsonObject().getJsonObject("match")
                .getJsonObject("description").getString("pattern")).toList());
        assertTrue(rules.stream().allMatch(r -> r.asJsonObject().getBoolean("enabled")
                && !r.asJsonObject().containsKey("disabledReason")), rules.toString());
        // and a replacement is checked the same way
        JsonObject first = rules.getJsonObject(0);
        EngineClient.Reply replaced = admin.send("PUT", "/api/enrichment-rules/" + first.getJsonNumber("id"),
                Json.createObjectBuilder(Json.createReader(new java.io.StringReader(
                        regexRule(1, "description", "(.*a){12}x", "X"))).readObject())
                        .add("version", first.getInt("version")).build().toString(), Map.of());
        IntegrationsApiIT.assertProblem(replaced, 400);
        assertEquals("^TESCO\\b", admin.get("/api/enrichment-rules/" + first.getJsonNumber("id")).json()
                .getJsonObject("match").getJsonObject("description").getString("pattern"));
    }

    @Test
    void aCatastrophicRuleStoredPastTheChecksIsDisabledWithItsReasonAndEveryRowIsStillEnriched() throws Exception {
        String organisation = SandboxControl.organisation(16);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":1500}}");
        EngineClient admin = EngineClient.forNewTenant("enrich-regex-budget");
        String integration = ProviderConsent.connected(admin, "xero", "Runaway pattern", organisation);
        // ((.+)+)+\1x took 22.6 s on "Consulting services" (19 characters) without a budget; stored as SQL, past the
        // API's checks, and tried first
        Database.execute("insert into engine.enrichment_rule (tenant_id, priority, description_mode,"
                + " description_pattern, category, tags, version, created_at, updated_at)"
                + " values ('" + admin.tenant() + "', 1, 'REGEX', '((.+)+)+\\1x', 'Runaway', '{}', 1, now(), now())");
        long runaway = Long.parseLong(Database.scalar("select id from engine.enrichment_rule where tenant_id = ?",
                admin.tenant()));
        long services = rule(admin, regexRule(2, "description", "^(consulting|workshop)\\b", "Services"));

        long started = System.nanoTime();
        JsonObject job = SyncJobsIT.finished(admin, admin.startSync(integration, "FULL").json());
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(1500, job.getJsonObject("counts").getInt("imported"));
        awaitEnriched(admin.tenant(), 1500);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // unbounded, 1,500 descriptions of up to 29 characters would take days; bounded, about what a plain import takes
        assertTrue(took.compareTo(Duration.ofMinutes(3)) < 0, "import and enrichment took " + took);

        JsonObject disabled = admin.get("/api/enrichment-rules/" + runaway).json();
        assertFalse(disabled.getBoolean("enabled"), disabled.toString());
        String reason = disabled.getString("disabledReason");
        assertTrue(reason.startsWith("The description pattern exceeded its 50 ms match budget on transaction "), reason);
        String overranOn = reason.replaceFirst(".* on transaction (\\S+);.*", "$1");
        assertEquals(1, Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and provider_id = ?", admin.tenant(), overranOn), reason);
        assertNotNull(disabled.getString("disabledAt"));
        assertEquals(2, disabled.getInt("version"), "disabling is a change of the rule");
        assertTrue(admin.get("/api/enrichment-rules/" + services).json().getBoolean("enabled"));

        // every row enriched, none by the runaway rule, each as the other rule says
        Map<Long, Expected> rules = Map.of(services, r -> r.description != null && r.description
                .toLowerCase(Locale.ROOT).matches("^(consulting|workshop)\\b.*") ? "Services" : null);
        Map<String, Long> byRule = assertEnrichedAsRules(admin.tenant(), List.of(services), rules);
        assertTrue(byRule.getOrDefault(String.valueOf(services), 0L) > 0, byRule.toString());
        assertEquals(0, Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and (enriched_at is null or enrichment_error is not null or enrichment_rule_id = ?)",
                admin.tenant(), runaway));

        // its author's replacement enables it again, and it applies
        EngineClient.Reply fixed = admin.send("PUT", "/api/enrichment-rules/" + runaway, Json.createObjectBuilder(
                Json.createReader(new java.io.StringReader(regexRule(1, "description", "^travel$", "Runaway")))
                        .readObject()).add("version", disabled.getInt("version")).build().toString(), Map.of());
        assertEquals(200, fixed.status(), fixed.toString());
        assertTrue(fixed.json().getBoolean("enabled"), fixed.toString());
        assertFalse(fixed.json().containsKey("disabledReason"), fixed.toString());
        await(() -> Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and enrichment_rule_id = ?", admin.tenant(), runaway), n -> n > 0, ENRICHED);
    }

    private static String regexRule(int priority, String field, String pattern, String category) {
        return Json.createObjectBuilder().add("priority", priority)
                .add("match", Json.createObjectBuilder().add(field, Json.createObjectBuilder()
                        .add("mode", "REGEX").add("pattern", pattern)))
                .add("set", Json.createObjectBuilder().add("category", category)).build().toString();
    }

    /** What one rule gives a row: its category, or null when the rule does not match. */
    private interface Expected extends Function<Row, String> {
    }

    private static long rule(EngineClient admin, String body) {
        EngineClient.Reply added = admin.post("/api/enrichment-rules", body);
        assertEquals(201, added.status(), added.toString());
        return added.json().getJsonNumber("id").longValue();
    }

    private static List<String> tagsOfARowCategorised(EngineClient admin, String category) {
        String tags = Database.scalar("select array_to_string(tags, ',') from engine.ledger_transaction"
                + " where tenant_id = ? and category = ? limit 1", admin.tenant(), category);
        return List.of(tags.split(","));
    }

    private static void awaitEnriched(String tenant, long count) {
        await(() -> Database.count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and enriched_at is not null", tenant), n -> n >= count, ENRICHED);
    }

    /** Waits until every row is as the rules say (re-enrichment is asynchronous), then asserts it. */
    private static void awaitStable(String tenant, List<Long> order, Map<Long, Expected> rules) {
        await(() -> mismatches(tenant, order, rules), n -> n == 0, ENRICHED);
        assertEnrichedAsRules(tenant, order, rules);
    }

    private static long mismatches(String tenant, List<Long> order, Map<Long, Expected> rules) {
        return rows(tenant).stream().filter(r -> !expectedCategory(r, order, rules).equals(
                r.category == null ? "" : r.category)).count();
    }

    private static String expectedCategory(Row row, List<Long> order, Map<Long, Expected> rules) {
        for (long id : order) {
            String category = rules.get(id).apply(row);
            if (category != null) {
                return category;
            }
        }
        return "";
    }

    /** Asserts every row's category, source and rule; answers how many rows each rule took. */
    private static Map<String, Long> assertEnrichedAsRules(String tenant, List<Long> order, Map<Long, Expected> rules) {
        Map<String, Long> byRule = new HashMap<>();
        for (Row r : rows(tenant)) {
            Long matched = null;
            for (long id : order) {
                if (rules.get(id).apply(r) != null) {
                    matched = id;
                    break;
                }
            }
            if (matched == null) {
                assertEquals("NONE", r.enrichedBy, r.providerId);
                assertNull(r.category, r.providerId);
                assertTrue(r.needsReview, r.providerId);
            } else {
                assertEquals("RULE", r.enrichedBy, r.providerId);
                assertEquals(matched, r.ruleId, r.providerId);
                assertEquals(rules.get(matched).apply(r), r.category, r.providerId);
                assertFalse(r.needsReview, r.providerId);
                byRule.merge(String.valueOf(matched), 1L, Long::sum);
            }
        }
        return byRule;
    }

    private static String providerFieldsDigest(String tenant) {
        return Database.scalar("select md5(string_agg(concat_ws('|', provider_id, provider_version, txn_type,"
                + " direction, status, txn_date, total, currency, currency_rate, description, reference, contact_id,"
                + " contact_name, account_id, account_name, reconciled, provider_account_code), ',' order by"
                + " provider_id)) from engine.ledger_transaction where tenant_id = ?", tenant);
    }

    private record Row(String providerId, String description, String contactName, BigDecimal total, String currency,
            BigDecimal rate, String direction, String status, String category, String enrichedBy, Long ruleId,
            boolean needsReview, BigDecimal baseAmount, String baseCurrency) {
    }

    private static List<Row> rows(String tenant) {
        try (Connection connection = Database.connect(); PreparedStatement select = connection.prepareStatement(
                "select provider_id, description, contact_name, total, currency, currency_rate, direction, status,"
                        + " category, enriched_by, enrichment_rule_id, coalesce(needs_review, false), base_amount,"
                        + " base_currency from engine.ledger_transaction where tenant_id = ? order by provider_id")) {
            select.setString(1, tenant);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    long rule = r.getLong(11);
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getBigDecimal(4),
                            r.getString(5), r.getBigDecimal(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getString(10), r.wasNull() ? null : rule, r.getBoolean(12), r.getBigDecimal(13),
                            r.getString(14)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
