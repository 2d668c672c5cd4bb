package io.kibly.engine.it;

import static io.kibly.engine.it.WorkersIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A large FULL sync runs as the Jakarta Batch job historical-import: windows of modification time read in
 * parallel, each page stored through the same upsert as every import with the window's checkpoint. Exact data,
 * a kill -9 in the middle, and windows failing then restarted from their checkpoints.
 */
@ExtendWith(ArquillianExtension.class)
class BatchImportIT {

    private static final Duration IMPORT = Duration.ofMinutes(5);

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
    void aHundredThousandTransactionsOverTwoYearsImportExactlyAsABatchJobOfParallelWindows() throws Exception {
        String organisation = SandboxControl.organisation(17);
        // two years of history: the organisation's 100,000 transactions spread over 24 months
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":100000},"
                + "\"historyMonths\":{\"" + organisation + "\":24}}");
        EngineClient admin = EngineClient.forNewTenant("batch");
        String integration = ProviderConsent.connected(admin, "xero", "History", organisation);

        JsonObject job = finished(admin, start(admin, integration));
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(100_000, job.getJsonObject("counts").getInt("imported"), job.toString());
        String id = job.getString("id");
        assertEquals(5, Database.count("select batch_partitions from engine.sync_job where id = ?::uuid", id),
                "five windows, as many as Xero allows concurrent calls");
        assertEquals(5, Database.count("select count(*) from engine.sync_partition where job_id = ?::uuid and done", id));
        assertEquals(100_000, Database.count("select sum(rows_stored) from engine.sync_partition where job_id = ?::uuid",
                id), "each transaction stored by exactly one window");
        assertEquals("COMPLETED", Database.scalar("select e.batchstatus from jbatch.executioninstancedata e"
                + " join engine.sync_job j on j.batch_execution_id = e.jobexecid where j.id = ?::uuid", id));

        assertEquals(0, job.getInt("throttled"), "the engine's budget kept inside Xero's limits: " + job);
        assertEquals(0, SandboxControl.stats(organisation).getInt("rateLimited"), "no 429 from the provider");
        assertEquals(5, job.getJsonObject("batch").getInt("windows"), job.toString());

        liftSandboxLimits();
        Map<String, String> truth = SandboxControl.xeroTruth(organisation);
        Map<String, String> stored = SandboxControl.stored(integration);
        assertEquals(100_000, truth.size());
        assertEquals(truth, stored, "same ids, statuses, totals and currencies");
        assertEquals(SandboxControl.activeSums(truth), SandboxControl.activeSums(stored));
        LocalDate first = LocalDate.parse(Database.scalar("select min(txn_date) from engine.ledger_transaction"
                + " where integration_id = ?::uuid", integration));
        LocalDate last = LocalDate.parse(Database.scalar("select max(txn_date) from engine.ledger_transaction"
                + " where integration_id = ?::uuid", integration));
        assertTrue(first.plusMonths(23).isBefore(last) && last.isBefore(first.plusMonths(25)),
                "two years of history: " + first + " to " + last);

        // the next incremental sync starts where the import started: nothing new, nothing re-imported
        JsonObject incremental = finished(admin, admin.startSync(integration, "INCREMENTAL").json());
        assertEquals(0, incremental.getJsonObject("counts").getInt("imported"), incremental.toString());
    }

    @Test
    void aKillMidImportThenRestartFinishesWithExactlyTheProvidersData() throws Exception {
        String organisation = SandboxControl.organisation(18);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":40000},"
                + "\"faults\":{\"slowRate\":1.0,\"slowMillis\":300}}");
        EngineClient admin = EngineClient.forNewTenant("batch-crash");
        String integration = ProviderConsent.connected(admin, "xero", "History crash", organisation);
        JsonObject started = start(admin, integration);
        String id = started.getString("id");
        await(() -> admin.get("/api/sync-jobs/" + id).json(),
                j -> j.getJsonObject("counts").getInt("imported") >= 10_000, IMPORT);

        String executionAtCrash = Database.scalar("select batch_execution_id from engine.sync_job where id = ?::uuid", id);
        var payara = KiblyTestEnvironment.current().payara();
        long killedAt = System.nanoTime();
        payara.kill();
        long storedAtCrash = Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid",
                integration);
        assertTrue(storedAtCrash >= 10_000 && storedAtCrash < 40_000, "killed mid-import: " + storedAtCrash);
        payara.start();
        await(() -> admin.get("/api/sync-jobs/" + id), reply -> reply.status() == 200
                && reply.contentType().startsWith("application/json"), Duration.ofSeconds(120));

        JsonObject job = finished(admin, started);
        double recoverySeconds = (System.nanoTime() - killedAt) / 1e9;
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(40_000, job.getJsonObject("counts").getInt("imported"), job.toString());
        String executionAfter = Database.scalar("select batch_execution_id from engine.sync_job where id = ?::uuid", id);
        assertTrue(!executionAfter.equals(executionAtCrash), "a new execution carried the job on");
        assertEquals("COMPLETED", Database.scalar("select batchstatus from jbatch.executioninstancedata"
                + " where jobexecid = ?::bigint", executionAfter));
        SandboxControl.configure("{\"faults\":{\"slowRate\":0}}");
        liftSandboxLimits();
        assertEquals(SandboxControl.xeroTruth(organisation), SandboxControl.stored(integration),
                "exactly the provider's data after the crash (recovered in " + recoverySeconds + " s)");
    }

    @Test
    void failingWindowsFailTheJobAndARetryResumesThemFromTheirCheckpoints() throws Exception {
        String organisation = SandboxControl.organisation(19);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":40000},"
                + "\"faults\":{\"slowRate\":1.0,\"slowMillis\":200}}");
        EngineClient admin = EngineClient.forNewTenant("batch-failing");
        String integration = ProviderConsent.connected(admin, "xero", "History failing", organisation);
        JsonObject started = start(admin, integration);
        String id = started.getString("id");
        await(() -> admin.get("/api/sync-jobs/" + id).json(),
                j -> j.getJsonObject("counts").getInt("imported") >= 10_000, IMPORT);
        // the provider answers nothing readable any more: every window retries, then fails
        SandboxControl.configure("{\"faults\":{\"slowRate\":0,\"malformedRate\":1.0}}");
        // each of the job's attempts (an execution whose windows retry, then fail) is retried with a backoff
        JsonObject failed = await(() -> admin.get("/api/sync-jobs/" + id).json(),
                j -> j.getString("status").matches("COMPLETED|FAILED|CANCELLED"), Duration.ofMinutes(10));
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertTrue(failed.getString("lastError", failed.toString()).contains("window"), failed.toString());
        long storedAtFailure = Database.count("select count(*) from engine.ledger_transaction"
                + " where integration_id = ?::uuid", integration);
        long windowsLeft = Database.count("select count(*) from engine.sync_partition where job_id = ?::uuid"
                + " and not done", id);
        assertTrue(storedAtFailure < 40_000 && windowsLeft > 0, storedAtFailure + " stored, " + windowsLeft + " left");

        SandboxControl.configure("{\"faults\":{\"malformedRate\":0}}");
        long callsBefore = SandboxControl.callsServed(organisation);
        EngineClient.Reply retried = admin.post("/api/sync-jobs/" + id + "/retry", null);
        assertEquals(202, retried.status(), retried.toString());
        JsonObject job = finished(admin, retried.json());
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(40_000, job.getJsonObject("counts").getInt("imported"), job.toString());
        long pagesLeft = (40_000 - storedAtFailure) / 1000;
        long calls = SandboxControl.callsServed(organisation) - callsBefore;
        assertTrue(calls <= pagesLeft + 2L * windowsLeft + 2, "resumed from the checkpoints: " + calls
                + " calls for about " + pagesLeft + " pages left in " + windowsLeft + " windows");
        liftSandboxLimits();
        assertEquals(SandboxControl.xeroTruth(organisation), SandboxControl.stored(integration));
    }

    @Test
    void aCancelledBatchImportStopsItsExecutionWithinThePagesInFlight() throws Exception {
        String organisation = SandboxControl.organisation(20);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":40000},"
                + "\"faults\":{\"slowRate\":1.0,\"slowMillis\":300}}");
        EngineClient admin = EngineClient.forNewTenant("batch-cancel");
        String integration = ProviderConsent.connected(admin, "xero", "History cancelled", organisation);
        String id = start(admin, integration).getString("id");
        await(() -> admin.get("/api/sync-jobs/" + id).json(),
                j -> j.getJsonObject("counts").getInt("imported") >= 5_000, IMPORT);

        EngineClient.Reply cancelled = admin.post("/api/sync-jobs/" + id + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        long atCancel = Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid",
                integration);
        String execution = Database.scalar("select batch_execution_id from engine.sync_job where id = ?::uuid", id);
        String ended = await(() -> Database.scalar("select batchstatus from jbatch.executioninstancedata"
                + " where jobexecid = ?::bigint", execution), status -> status.matches("STOPPED|COMPLETED"),
                Duration.ofSeconds(60));
        assertTrue(ended.matches("STOPPED|COMPLETED"), ended);
        Thread.sleep(3_000);
        long after = Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid",
                integration);
        assertTrue(after - atCancel <= 5 * 1000, "at most each window's page in flight: " + (after - atCancel));
        assertEquals("CANCELLED", admin.get("/api/sync-jobs/" + id).json().getString("status"));
    }

    /** The truth is read from the sandbox's API, which enforces Xero's limits: lifted for reading it. */
    private static void liftSandboxLimits() {
        SandboxControl.configure("{\"xeroLimits\":{\"perMinute\":1000000,\"perDay\":100000000,\"concurrent\":100}}");
    }

    private static JsonObject start(EngineClient admin, String integration) {
        EngineClient.Reply started = admin.startSync(integration, "FULL");
        assertEquals(202, started.status(), started.toString());
        return started.json();
    }

    private static JsonObject finished(EngineClient client, JsonObject job) {
        return await(() -> client.get("/api/sync-jobs/" + job.getString("id")).json(),
                j -> j.getString("status").matches("COMPLETED|FAILED|CANCELLED"), IMPORT);
    }
}
