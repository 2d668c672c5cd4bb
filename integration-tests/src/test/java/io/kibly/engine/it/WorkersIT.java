package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The asynchronous paths: a JMS message consumed by an MDB, and a Jakarta Batch job run to completion. */
@ExtendWith(ArquillianExtension.class)
class WorkersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @Test
    void theCensusBatchJobRunsToCompletionAndCountsTheTenantsIntegrationsByStatus() {
        EngineClient client = EngineClient.forNewTenant("batch");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, client.registerIntegration("xero", "books " + i, "accounting").status());
        }

        EngineClient.Reply started = client.post("/api/batch-jobs/integration-census/executions", null);
        assertEquals(202, started.status(), started.toString());
        long executionId = started.json().getJsonNumber("executionId").longValue();

        JsonObject execution = await(() -> client.get("/api/batch-jobs/executions/" + executionId).json(),
                e -> !e.getString("batchStatus").matches("STARTING|STARTED"), Duration.ofSeconds(60));
        assertEquals("COMPLETED", execution.getString("batchStatus"), execution.toString());
        assertEquals("PENDING_AUTH=3", execution.getString("exitStatus"));
        assertEquals("integration-census", execution.getString("jobName"));
        assertEquals(1, Database.count("select count(*) from jbatch.executioninstancedata where jobexecid = ? "
                + "and batchstatus = 'COMPLETED'", executionId), "the job repository is in PostgreSQL");

        IntegrationsApiIT.assertProblem(client.asTenant("someone-else").get("/api/batch-jobs/executions/" + executionId), 404);
        IntegrationsApiIT.assertProblem(client.post("/api/batch-jobs/no-such-job/executions", null), 404);
    }

    static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not done within " + timeout + "; last seen: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
