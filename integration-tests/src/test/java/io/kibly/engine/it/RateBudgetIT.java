package io.kibly.engine.it;

import static io.kibly.engine.it.SyncJobsIT.finished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate budget holds the engine inside Xero's real limits (60 calls a minute, 5 at once, per organisation)
 * across all its workers: seven tenants syncing the same organisation at once need 70 calls, more than a minute
 * allows, and the sandbox refuses none of them.
 */
@ExtendWith(ArquillianExtension.class)
class RateBudgetIT {

    private static final Logger LOG = Logger.getLogger(RateBudgetIT.class.getName());
    private static final String ORGANISATION = SandboxControl.organisation(10);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @AfterEach
    void resetSandbox() {
        SandboxControl.reset();
    }

    @Test
    void sevenConcurrentSyncsOfOneOrganisationStayInsideItsLimitsWithoutOne429() throws Exception {
        SandboxControl.reset(); // Xero's real limits
        SandboxControl.configure("{\"transactionCounts\":{\"" + ORGANISATION + "\":9000}}");
        List<EngineClient> tenants = new ArrayList<>();
        List<String> integrations = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            EngineClient admin = EngineClient.forNewTenant("budget-" + i);
            tenants.add(admin);
            integrations.add(ProviderConsent.connected(admin, "xero", "Shared organisation", ORGANISATION));
        }
        long started = System.nanoTime();
        List<JsonObject> jobs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            EngineClient.Reply reply = tenants.get(i).startSync(integrations.get(i), "FULL");
            assertEquals(202, reply.status(), reply.toString());
            jobs.add(reply.json());
        }
        int calls = 0;
        for (int i = 0; i < 7; i++) {
            JsonObject job = finished(tenants.get(i), jobs.get(i));
            assertEquals("COMPLETED", job.getString("status"), job.toString());
            assertEquals(0, job.getInt("throttled"), job.toString());
            calls += job.getJsonObject("progress").getInt("pagesFetched");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonObject stats = SandboxControl.stats(ORGANISATION);
        LOG.info(() -> String.format("Rate budget: %s calls to one organisation in %.1f s, sandbox %s", 70, seconds,
                stats));

        assertEquals(70, calls, "ten pages per job");
        // and each FULL sync's one-row size probe (is it large enough for a batch import?)
        assertEquals(calls + 7, stats.getInt("callsServed"), "the pages and one probe per job");
        assertEquals(0, stats.getInt("rateLimited"), "no call refused: " + stats);
        assertTrue(seconds > 55, "the budget spread 70 calls over more than a minute: " + seconds + " s");
        SandboxControl.configure("{\"xeroLimits\":{\"perMinute\":1000}}");
        Map<String, String> truth = SandboxControl.xeroTruth(ORGANISATION);
        for (String integration : integrations) {
            assertEquals(truth, SandboxControl.stored(integration));
        }
    }
}
