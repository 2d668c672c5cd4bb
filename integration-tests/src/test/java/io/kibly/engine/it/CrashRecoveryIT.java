package io.kibly.engine.it;

import static io.kibly.engine.it.SyncJobsIT.finished;
import static io.kibly.engine.it.WorkersIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine survives its own death: a {@code kill -9} of Payara mid-import, and a job whose worker vanished
 * without a trace (its message gone), both end with exactly the provider's data.
 */
@ExtendWith(ArquillianExtension.class)
class CrashRecoveryIT {

    private static final String ORGANISATION = SandboxControl.organisation(9);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @BeforeEach
    void books() {
        SandboxControl.reset();
        SandboxControl.configure("{\"transactionCounts\":{\"" + ORGANISATION + "\":20000},"
                + "\"xeroLimits\":{\"perMinute\":1000},\"faults\":{\"slowRate\":1.0,\"slowMillis\":400}}");
    }

    @AfterEach
    void resetSandbox() {
        SandboxControl.reset();
    }

    @Test
    void aKilledServerFinishesTheImportAfterRestartWithExactlyTheProvidersData() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("crash");
        String integration = ProviderConsent.connected(admin, "xero", "Crash", ORGANISATION);
        EngineClient.Reply started = admin.startSync(integration, "FULL");
        assertEquals(202, started.status(), started.toString());
        String id = started.json().getString("id");
        await(() -> admin.get("/api/sync-jobs/" + id).json(),
                j -> j.getJsonObject("progress").getInt("pagesFetched") >= 3, Duration.ofSeconds(60));

        var payara = KiblyTestEnvironment.current().payara();
        long killedAt = System.nanoTime();
        payara.kill();
        long storedAtCrash = Database.count("select count(*) from engine.ledger_transaction where integration_id = ?::uuid",
                integration);
        assertTrue(storedAtCrash > 0 && storedAtCrash < 20_000, "killed mid-import: " + storedAtCrash);
        payara.start();
        // readiness answers before the engine is loaded again: wait for the API itself
        await(() -> admin.get("/api/sync-jobs/" + id), reply -> reply.status() == 200
                && reply.contentType().startsWith("application/json"), Duration.ofSeconds(120));

        JsonObject job = finished(admin, started.json());
        double recoverySeconds = (System.nanoTime() - killedAt) / 1e9;
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(20_000, job.getJsonObject("counts").getInt("imported"), job.toString());
        SandboxControl.configure("{\"faults\":{\"slowRate\":0}}");
        assertEquals(SandboxControl.xeroTruth(ORGANISATION), SandboxControl.stored(integration),
                "exactly the provider's data after the crash (recovered in " + recoverySeconds + " s)");
    }

    @Test
    void aJobWhoseWorkerVanishedIsFoundByTheTimerAndResumedFromItsCheckpoint() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("stalled");
        String integration = ProviderConsent.connected(admin, "xero", "Stalled", ORGANISATION);
        // a RUNNING job as a dead worker leaves it: no message on any queue, its heartbeat ten minutes old
        String id = UUID.randomUUID().toString();
        try (var connection = Database.connect(); var insert = connection.prepareStatement("""
                insert into engine.sync_job (id, tenant_id, integration_id, sync_type, trigger_type, status, priority,
                    requested_by, created_at, started_at, heartbeat_at, version)
                values (?::uuid, ?, ?::uuid, 'FULL', 'MANUAL', 'RUNNING', 4, 'it', now() - interval '10 minutes',
                    now() - interval '10 minutes', now() - interval '10 minutes', 0)""")) {
            insert.setString(1, id);
            insert.setString(2, admin.tenant());
            insert.setString(3, integration);
            insert.executeUpdate();
        }
        SandboxControl.configure("{\"faults\":{\"slowRate\":0}}");

        JsonObject job = await(() -> admin.get("/api/sync-jobs/" + id).json(),
                j -> j.getString("status").equals("COMPLETED"), Duration.ofSeconds(90));
        assertEquals(20_000, job.getJsonObject("counts").getInt("imported"), job.toString());
        assertEquals(SandboxControl.xeroTruth(ORGANISATION), SandboxControl.stored(integration));
    }
}
