package io.kibly.engine.it;

import static io.kibly.engine.it.WorkersIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Syncs end to end: the API, the planner and import MDBs on the real OpenMQ broker, the gateway over real HTTP to
 * the sandbox, and PostgreSQL; the stored data compared with the sandbox's. Each test uses its own sandbox
 * organisation, so rate windows and data changes of one never reach another.
 */
@ExtendWith(ArquillianExtension.class)
class SyncJobsIT {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(120);

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
    void aFullSyncStoresExactlyTheProvidersTransactionsAndARerunImportsNothingNew() throws Exception {
        String organisation = SandboxControl.organisation(3);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":10000}}");
        EngineClient admin = EngineClient.forNewTenant("full-sync");
        String integration = ProviderConsent.connected(admin, "xero", "Full sync", organisation);

        JsonObject job = finished(admin, start(admin, integration, "FULL"));
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(10_000, job.getJsonObject("counts").getInt("imported"), job.toString());
        assertEquals(11, job.getJsonObject("progress").getInt("pagesFetched"), "10 full pages and the empty last");

        Map<String, String> truth = SandboxControl.xeroTruth(organisation);
        Map<String, String> stored = SandboxControl.stored(integration);
        assertEquals(10_000, truth.size());
        assertEquals(truth, stored, "same ids, statuses, totals and currencies");
        assertEquals(SandboxControl.activeSums(truth), SandboxControl.activeSums(stored));
        assertTrue(stored.values().stream().anyMatch(v -> v.startsWith("DELETED")), "deleted ones are kept, marked");
        assertTrue(stored.values().stream().anyMatch(v -> v.startsWith("VOIDED")), "voided ones too");
        assertEquals(1, Database.count("select count(*) from engine.audit_entry where tenant_id = ?"
                + " and action = 'sync-job.started'", admin.tenant()));

        JsonObject rerun = finished(admin, start(admin, integration, "FULL"));
        assertEquals(0, rerun.getJsonObject("counts").getInt("imported"), rerun.toString());
        assertEquals(0, rerun.getJsonObject("counts").getInt("updated"), rerun.toString());
        // every row read again is an unchanged duplicate (pages overlap by the second they meet in)
        assertEquals(rerun.getJsonObject("progress").getInt("processed"),
                rerun.getJsonObject("counts").getInt("unchanged"), rerun.toString());
        assertTrue(rerun.getJsonObject("counts").getInt("unchanged") >= 10_000, rerun.toString());
        JsonObject incremental = finished(admin, start(admin, integration, "INCREMENTAL"));
        assertEquals(0, incremental.getJsonObject("counts").getInt("imported") + incremental.getJsonObject("counts")
                .getInt("updated") + incremental.getJsonObject("counts").getInt("deleted"), incremental.toString());
        assertEquals(10_000, Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid",
                integration));

        String metrics = admin.get("/metrics?scope=application", "text/plain").body();
        for (String name : List.of("kibly_transactions_imported_total", "kibly_provider_calls_total",
                "kibly_queue_depth", "kibly_sync_duration", "kibly_provider_circuit_open")) {
            assertTrue(metrics.contains(name), name + " in " + metrics.lines().filter(l -> l.startsWith("kibly"))
                    .toList());
        }
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("kibly_transactions_imported_total")
                && line.contains("provider=\"xero\"") && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))
                >= 10_000), "counted after commit");
    }

    @Test
    void anIncrementalSyncPicksUpTheProvidersChangesAndNothingElse() throws Exception {
        String organisation = SandboxControl.organisation(4);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":3000},"
                + "\"xeroLimits\":{\"perMinute\":1000}}"); // the test's own reads of single transactions
        EngineClient admin = EngineClient.forNewTenant("incremental");
        String integration = ProviderConsent.connected(admin, "xero", "Incremental", organisation);
        assertEquals("COMPLETED", finished(admin, start(admin, integration, "FULL")).getString("status"));
        List<String> ids = new ArrayList<>(SandboxControl.stored(integration).entrySet().stream()
                .filter(e -> e.getValue().startsWith("ACTIVE")).map(Map.Entry::getKey).sorted().toList());

        for (int i = 0; i < 40; i++) { // edits
            JsonObject transaction = SandboxControl.xeroTransaction(organisation, ids.get(i));
            SandboxControl.xeroChange("PUT", organisation, "/" + ids.get(i), jakarta.json.Json
                    .createObjectBuilder(transaction).add("Reference", "edited " + i).build().toString());
        }
        for (int i = 40; i < 60; i++) {
            SandboxControl.xeroChange("DELETE", organisation, "/" + ids.get(i), null);
        }
        for (int i = 60; i < 80; i++) {
            SandboxControl.xeroChange("POST", organisation, "/" + ids.get(i) + "/void", null);
        }
        JsonObject template = SandboxControl.xeroTransaction(organisation, ids.get(100));
        for (int i = 0; i < 20; i++) {
            SandboxControl.xeroChange("POST", organisation, "", jakarta.json.Json.createObjectBuilder(template)
                    .remove("BankTransactionID").add("Reference", "added " + i).build().toString());
        }

        JsonObject job = finished(admin, start(admin, integration, "INCREMENTAL"));
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        JsonObject counts = job.getJsonObject("counts");
        assertEquals(20, counts.getInt("imported"), job.toString());
        assertEquals(40, counts.getInt("updated"), job.toString());
        assertEquals(40, counts.getInt("deleted"), job.toString());
        assertTrue(job.getJsonObject("progress").getInt("processed") < 200,
                "read only what changed (plus the overlap second): " + job);
        assertEquals(SandboxControl.xeroTruth(organisation), SandboxControl.stored(integration));
        assertEquals(40, Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid"
                + " and reference like 'edited %'", integration));
        // the summary's rollup, moved by every write, says what a scan of the ledger says
        JsonObject rolled = admin.get("/api/transactions/summary?integrationId=" + integration).json();
        JsonObject scanned = admin.get("/api/transactions/summary?dateFrom=1900-01-02&integrationId=" + integration)
                .json();
        assertEquals(3_020, rolled.getInt("count"));
        for (String group : List.of("byCurrency", "byStatus", "byType", "byMonth")) {
            assertEquals(normalised(scanned.getJsonArray(group)), normalised(rolled.getJsonArray(group)), group);
        }
    }

    @Test
    void aSyncUnderInjectedServerErrorsAndRateLimitsCompletesExactlyWithoutSpendingAttemptsOn429s() throws Exception {
        String organisation = SandboxControl.organisation(5);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":8000},"
                + "\"xeroLimits\":{\"perMinute\":3,\"minuteWindowSeconds\":2},"
                + "\"faults\":{\"serverErrorRate\":0.2,\"seed\":7}}");
        EngineClient admin = EngineClient.forNewTenant("faults");
        String integration = ProviderConsent.connected(admin, "xero", "Under fire", organisation);

        JsonObject job = finished(admin, start(admin, integration, "FULL"));
        JsonObject stats = SandboxControl.stats(organisation);
        SandboxControl.reset();
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertTrue(stats.getInt("faultsInjected") > 0, "faults were injected: " + stats);
        assertTrue(stats.getInt("rateLimited") > 0, "the engine met 429s: " + stats);
        assertEquals(stats.getInt("faultsInjected"), job.getInt("retries"), "one retry per injected fault: " + job);
        assertEquals(stats.getInt("rateLimited"), job.getInt("throttled"), "429s are waits, not attempts: " + job);
        assertEquals(SandboxControl.xeroTruth(organisation), SandboxControl.stored(integration), "no duplicates, no gaps");
    }

    @Test
    void cancellingStopsTheProviderCallsWithinOnePageAndKeepsTheStoredPages() throws Exception {
        String organisation = SandboxControl.organisation(6);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":30000},"
                + "\"xeroLimits\":{\"perMinute\":1000},\"faults\":{\"slowRate\":1.0,\"slowMillis\":700}}");
        EngineClient admin = EngineClient.forNewTenant("cancel");
        String integration = ProviderConsent.connected(admin, "xero", "Cancel me", organisation);
        String id = start(admin, integration, "FULL").getString("id");
        await(() -> admin.get("/api/sync-jobs/" + id).json(),
                j -> j.getJsonObject("progress").getInt("pagesFetched") >= 2, SYNC_TIMEOUT);

        EngineClient.Reply cancelled = admin.post("/api/sync-jobs/" + id + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        long callsAtCancel = SandboxControl.callsServed(organisation);
        Thread.sleep(3_000);
        assertTrue(SandboxControl.callsServed(organisation) <= callsAtCancel + 1, "at most the page in flight");
        JsonObject job = admin.get("/api/sync-jobs/" + id).json();
        assertEquals("CANCELLED", job.getString("status"));
        long stored = Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid",
                integration);
        assertEquals(job.getJsonObject("counts").getInt("imported"), stored, "whole pages only, as counted");
        assertTrue(stored >= 1_998 && stored < 30_000, "the pages before the cancel: " + stored);
        IntegrationsApiIT.assertProblem(admin.post("/api/sync-jobs/" + id + "/cancel", null), 409);
    }

    @Test
    void aRetryResumesFromTheCheckpointFetchingOnlyThePagesNotStored() throws Exception {
        String organisation = SandboxControl.organisation(7);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":12000},"
                + "\"xeroLimits\":{\"perMinute\":1000},\"faults\":{\"slowRate\":1.0,\"slowMillis\":500}}");
        EngineClient admin = EngineClient.forNewTenant("retry");
        String integration = ProviderConsent.connected(admin, "xero", "Retry me", organisation);
        String id = start(admin, integration, "FULL").getString("id");
        await(() -> admin.get("/api/sync-jobs/" + id).json(),
                j -> j.getJsonObject("progress").getInt("pagesFetched") >= 3, SYNC_TIMEOUT);
        SandboxControl.configure("{\"faults\":{\"slowRate\":0,\"serverErrorRate\":1.0}}");

        JsonObject failed = finished(admin, admin.get("/api/sync-jobs/" + id).json());
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertTrue(failed.getString("lastError").contains("HTTP 500"), failed.toString());
        int storedPages = failed.getJsonObject("progress").getInt("pagesFetched");
        assertTrue(storedPages >= 3, failed.toString());
        assertEquals(failed.getJsonObject("counts").getInt("imported"), Database.count(
                "select count(*) from engine.ledger_transaction where integration_id = ?::uuid", integration));

        SandboxControl.configure("{\"faults\":{\"serverErrorRate\":0}}");
        long callsBefore = SandboxControl.callsServed(organisation);
        EngineClient.Reply retried = admin.post("/api/sync-jobs/" + id + "/retry", null);
        assertEquals(202, retried.status(), retried.toString());
        JsonObject done = finished(admin, retried.json());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(12_000, done.getJsonObject("counts").getInt("imported"), done.toString());
        assertEquals(done.getJsonObject("progress").getInt("pagesFetched") - storedPages,
                SandboxControl.callsServed(organisation) - callsBefore,
                "only the pages not stored were fetched");
        assertEquals(SandboxControl.xeroTruth(organisation), SandboxControl.stored(integration));
    }

    @Test
    void oneActiveSyncPerIntegrationAndTheIdempotencyKeyRules() throws Exception {
        String organisation = SandboxControl.organisation(8);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":5000},"
                + "\"faults\":{\"slowRate\":1.0,\"slowMillis\":400}}");
        EngineClient admin = EngineClient.forNewTenant("idempotent");
        String integration = ProviderConsent.connected(admin, "xero", "Once", organisation);
        String body = "{\"integrationId\":\"" + integration + "\",\"syncType\":\"FULL\",\"priority\":7}";

        EngineClient.Reply first = admin.send("POST", "/api/sync-jobs", body, Map.of("Idempotency-Key", "k-1"));
        assertEquals(202, first.status(), first.toString());
        String id = first.json().getString("id");
        assertTrue(first.location().orElseThrow().endsWith("/api/sync-jobs/" + id));
        EngineClient.Reply replay = admin.send("POST", "/api/sync-jobs", body, Map.of("Idempotency-Key", "k-1"));
        assertEquals(200, replay.status(), replay.toString());
        assertEquals(id, replay.json().getString("id"));
        IntegrationsApiIT.assertProblem(admin.send("POST", "/api/sync-jobs", body.replace("\"FULL\"", "\"INCREMENTAL\""),
                Map.of("Idempotency-Key", "k-1")), 422);
        EngineClient.Reply second = admin.startSync(integration, "INCREMENTAL");
        assertEquals(200, second.status(), "the active job answers: " + second);
        assertEquals(id, second.json().getString("id"));
        assertEquals(1, Database.count("select count(*) from engine.sync_job where integration_id = ?::uuid", integration));

        JsonObject done = finished(admin, first.json());
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals(7, done.getInt("priority"));
        EngineClient.Reply after = admin.send("POST", "/api/sync-jobs", body, Map.of("Idempotency-Key", "k-1"));
        assertEquals(id, after.json().getString("id"), "a key keeps answering with its job");
        EngineClient.Reply next = admin.startSync(integration, "INCREMENTAL");
        assertEquals(202, next.status(), next.toString());
        assertNotEquals(id, next.json().getString("id"));
        finished(admin, next.json());

        EngineClient other = EngineClient.forNewTenant("idempotent-other");
        IntegrationsApiIT.assertProblem(other.get("/api/sync-jobs/" + id), 404);
        IntegrationsApiIT.assertProblem(other.post("/api/sync-jobs/" + id + "/cancel", null), 404);
        assertEquals(0, other.get("/api/sync-jobs").json().getJsonArray("items").size());
        JsonObject page = admin.get("/api/sync-jobs?limit=1&integrationId=" + integration).json();
        assertEquals(next.json().getString("id"), page.getJsonArray("items").getJsonObject(0).getString("id"));
        JsonObject older = admin.get("/api/sync-jobs?limit=1&after=" + page.getString("next")).json();
        assertEquals(id, older.getJsonArray("items").getJsonObject(0).getString("id"));
    }

    @Test
    void quickBooksSyncsPurchasesAndDepositsAndTheReadApiAddsThemUp() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("qbo-sync");
        String integration = ProviderConsent.connected(admin, "quickbooks", "QuickBooks books", null);
        String correlation = "it-correlation-" + java.util.UUID.randomUUID();
        EngineClient.Reply reply = admin.send("POST", "/api/sync-jobs", "{\"integrationId\":\"" + integration
                + "\",\"syncType\":\"FULL\"}", Map.of("X-Request-Id", correlation));
        assertEquals(202, reply.status(), reply.toString());
        JsonObject started = reply.json();
        List<JsonObject> events = SseReader.events(admin, "/api/sync-jobs/" + started.getString("id") + "/events",
                SYNC_TIMEOUT);
        JsonObject full = events.get(events.size() - 1);
        assertEquals("COMPLETED", full.getString("status"), full.toString());
        assertEquals(3_600, full.getJsonObject("counts").getInt("imported"), full.toString());
        List<Integer> pages = events.stream().map(e -> e.getJsonObject("progress").getInt("pagesFetched")).toList();
        for (int i = 1; i < pages.size(); i++) {
            assertTrue(pages.get(i) - pages.get(i - 1) <= 1, "an event for every page: " + pages);
        }
        assertEquals(full.getJsonObject("progress").getInt("pagesFetched"), pages.get(pages.size() - 1));
        assertEquals(3_000, Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid"
                + " and provider_id like 'Purchase:%'", integration));
        assertEquals(600, Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid"
                + " and provider_id like 'Deposit:%' and direction = 'IN'", integration));
        // the server log is JSON, and the job's events carry the id of the request that started it across JMS hops
        List<String> logged = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                System.getProperty("kibly.it.serverLog"))).stream().filter(line -> line.contains(started.getString("id")))
                .toList();
        assertTrue(logged.stream().anyMatch(line -> line.startsWith("{") && line.contains("\"event\":\"completed\"")
                && line.contains("\"correlation\":\"" + correlation + "\"") && line.contains("\"tenant\":\"")),
                "a JSON completion event with the correlation id: " + logged);

        SandboxControl.quickbooksChange("DELETE", "/purchases/5", null);
        SandboxControl.quickbooksChange("PUT", "/purchases/6", "{\"PaymentType\":\"Cash\",\"AccountRef\":{\"value\":\"35\"},"
                + "\"TxnDate\":\"2024-01-01\",\"Line\":[{\"Amount\":12.34,\"Description\":\"edited\","
                + "\"AccountBasedExpenseLineDetail\":{\"AccountRef\":{\"value\":\"7\"}}}]}");
        SandboxControl.quickbooksChange("POST", "/deposits", "{\"DepositToAccountRef\":{\"value\":\"35\"},"
                + "\"TxnDate\":\"2024-01-02\",\"Line\":[{\"Amount\":50.00,\"DepositLineDetail\":{\"AccountRef\":"
                + "{\"value\":\"4\"}}}]}");
        JsonObject incremental = finished(admin, start(admin, integration, "INCREMENTAL"));
        JsonObject counts = incremental.getJsonObject("counts");
        assertEquals(List.of(1, 1, 1), List.of(counts.getInt("imported"), counts.getInt("updated"),
                counts.getInt("deleted")), incremental.toString());
        assertEquals(1, Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid"
                + " and provider_id = 'Purchase:5' and status = 'DELETED'", integration));
        assertEquals(1, Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid"
                + " and provider_id = 'Purchase:6' and total = 12.34", integration));

        JsonObject first = admin.get("/api/transactions?limit=100&integrationId=" + integration).json();
        JsonObject second = admin.get("/api/transactions?limit=100&integrationId=" + integration + "&after="
                + first.getJsonNumber("next")).json();
        java.util.Set<String> ids = new java.util.HashSet<>();
        first.getJsonArray("items").forEach(t -> ids.add(t.asJsonObject().getString("providerId")));
        second.getJsonArray("items").forEach(t -> ids.add(t.asJsonObject().getString("providerId")));
        assertEquals(200, ids.size(), "two pages, no row twice");
        JsonObject deleted = admin.get("/api/transactions?status=DELETED&integrationId=" + integration).json();
        assertEquals(List.of("Purchase:5"), deleted.getJsonArray("items").stream()
                .map(t -> t.asJsonObject().getString("providerId")).toList());

        JsonObject summary = admin.get("/api/transactions/summary?integrationId=" + integration).json();
        assertEquals(3_601, summary.getInt("count"));
        for (JsonValue group : summary.getJsonArray("byCurrency")) {
            JsonObject currency = group.asJsonObject();
            assertEquals(0, new java.math.BigDecimal(Database.scalar("select sum(case when direction = 'IN' then total"
                    + " else -total end) from engine.ledger_transaction where integration_id = ?::uuid and currency = ?",
                    integration, currency.getString("currency"))).compareTo(
                    currency.getJsonNumber("total").bigDecimalValue()), currency.toString());
        }
        JsonObject statistics = admin.get("/api/sync-jobs/statistics").json();
        assertEquals(1.0, statistics.getJsonNumber("successRate").doubleValue());
        assertEquals(3_601, statistics.getJsonArray("perIntegration").getJsonObject(0).getInt("imported"));
        IntegrationsApiIT.assertProblem(admin.get("/api/transactions?status=GONE"), 400);
        IntegrationsApiIT.assertProblem(admin.get("/api/transactions?currency=usd"), 400);
        EngineClient other = EngineClient.forNewTenant("qbo-other");
        assertEquals(0, other.get("/api/transactions?integrationId=" + integration).json().getJsonArray("items").size());
        assertEquals(0, other.get("/api/transactions/summary").json().getInt("count"));
    }

    /** Groups as comparable text (numbers without trailing zeros). */
    private static List<String> normalised(jakarta.json.JsonArray groups) {
        return groups.stream().map(JsonValue::asJsonObject).map(g -> g.getString("key") + " " + g.getString("currency")
                + " " + g.getInt("count") + " " + g.getJsonNumber("total").bigDecimalValue().stripTrailingZeros()
                .toPlainString()).sorted().toList();
    }

    private static JsonObject start(EngineClient admin, String integration, String type) {
        EngineClient.Reply started = admin.startSync(integration, type);
        assertEquals(202, started.status(), started.toString());
        return started.json();
    }

    /** Waits until the job is COMPLETED, FAILED or CANCELLED. */
    static JsonObject finished(EngineClient client, JsonObject job) {
        return await(() -> client.get("/api/sync-jobs/" + job.getString("id")).json(),
                j -> j.getString("status").matches("COMPLETED|FAILED|CANCELLED"), SYNC_TIMEOUT);
    }
}
