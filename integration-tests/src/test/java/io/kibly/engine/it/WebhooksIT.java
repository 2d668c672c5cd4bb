package io.kibly.engine.it;

import static io.kibly.engine.it.SyncJobsIT.finished;
import static io.kibly.engine.it.WorkersIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Provider webhooks, delivered and signed by the sandbox as Xero and QuickBooks deliver and sign them. */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    private static final String ENGINE = System.getProperty("kibly.it.baseUrl", "http://localhost:28080");
    private static final String ORGANISATION = SandboxControl.organisation(11);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @AfterEach
    void resetSandbox() {
        SandboxControl.reset();
    }

    @Test
    void xerosIntentToReceiveIsAnsweredByTheSignatureAlone() {
        String target = "{\"targetUrl\":\"" + ENGINE + "/api/webhooks/xero\"";
        JsonObject good = SandboxControl.deliverWebhook("xero", target + "}");
        assertEquals(200, status(good));
        assertTrue(good.getJsonArray("deliveries").getJsonObject(0).getInt("elapsedMillis") < 5_000, good.toString());
        assertEquals(401, status(SandboxControl.deliverWebhook("xero", target + ",\"signature\":\"invalid\"}")));
        assertEquals(401, status(SandboxControl.deliverWebhook("xero", target + ",\"signature\":\"missing\"}")));
        EngineClient.Reply unsigned = EngineClient.withToken("nobody", null).send("POST", "/api/webhooks/xero",
                "{\"events\":[]}", Map.of("x-xero-signature", "AAAA"));
        assertEquals(401, unsigned.status());
    }

    @Test
    void aXeroEventStartsOneIncrementalSyncHoweverOftenItIsDelivered() throws Exception {
        SandboxControl.configure("{\"transactionCounts\":{\"" + ORGANISATION + "\":300}}");
        EngineClient admin = EngineClient.forNewTenant("xero-webhook");
        String integration = ProviderConsent.connected(admin, "xero", "Webhooked", ORGANISATION);

        JsonObject report = SandboxControl.deliverWebhook("xero", "{\"targetUrl\":\"" + ENGINE
                + "/api/webhooks/xero\",\"repeat\":3,\"events\":[{\"tenantId\":\"" + ORGANISATION + "\"}]}");
        report.getJsonArray("deliveries").forEach(d -> assertEquals(200, d.asJsonObject().getInt("status")));
        assertEquals(3, report.getJsonArray("deliveries").size());

        JsonArray jobs = await(() -> admin.get("/api/sync-jobs?integrationId=" + integration).json()
                .getJsonArray("items"), items -> !items.isEmpty(), Duration.ofSeconds(30));
        JsonObject job = finished(admin, jobs.getJsonObject(0));
        assertEquals("WEBHOOK", job.getString("trigger"));
        assertEquals("INCREMENTAL", job.getString("syncType"));
        assertEquals("COMPLETED", job.getString("status"));
        assertEquals(300, job.getJsonObject("counts").getInt("imported"));
        assertEquals(1, admin.get("/api/sync-jobs?integrationId=" + integration).json().getJsonArray("items").size(),
                "redeliveries of the same event started nothing more");
    }

    @Test
    void aQuickBooksCloudEventStartsASyncAndABadSignatureChangesNothing() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("qbo-webhook");
        String integration = ProviderConsent.connected(admin, "quickbooks", "Webhooked books", null);
        String target = "{\"targetUrl\":\"" + ENGINE + "/api/webhooks/quickbooks\",\"events\":[{\"entity\":\"Purchase\","
                + "\"operation\":\"created\",\"entityId\":\"42\"}]";

        assertEquals(401, status(SandboxControl.deliverWebhook("quickbooks", target + ",\"signature\":\"invalid\"}")));
        assertEquals(0, admin.get("/api/sync-jobs?integrationId=" + integration).json().getJsonArray("items").size());

        JsonObject report = SandboxControl.deliverWebhook("quickbooks", target + ",\"repeat\":2}");
        report.getJsonArray("deliveries").forEach(d -> assertEquals(200, d.asJsonObject().getInt("status")));
        JsonArray jobs = await(() -> admin.get("/api/sync-jobs?integrationId=" + integration).json()
                .getJsonArray("items"), items -> !items.isEmpty(), Duration.ofSeconds(30));
        JsonObject job = finished(admin, jobs.getJsonObject(0));
        assertEquals("WEBHOOK", job.getString("trigger"));
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(1, admin.get("/api/sync-jobs?integrationId=" + integration).json().getJsonArray("items").size());
    }

    @Test
    void aSignedEventNamingAnOrganisationPostgresqlCannotStoreIsSkippedNotA500() {
        long jobs = Database.count("select count(*) from engine.sync_job");
        JsonObject xero = SandboxControl.deliverWebhook("xero", "{\"targetUrl\":\"" + ENGINE
                + "/api/webhooks/xero\",\"events\":[{\"tenantId\":\"org\\u0000x\"},{\"tenantId\":\"\\ud800\"}]}");
        assertEquals(200, status(xero), xero.toString());
        JsonObject quickbooks = SandboxControl.deliverWebhook("quickbooks", "{\"targetUrl\":\"" + ENGINE
                + "/api/webhooks/quickbooks\",\"events\":[{\"realmId\":\"\\u0000\",\"id\":\"e\\u0000\"}]}");
        assertEquals(200, status(quickbooks), quickbooks.toString());
        assertEquals(jobs, Database.count("select count(*) from engine.sync_job"), "no sync started");
    }

    private static int status(JsonObject report) {
        return report.getJsonArray("deliveries").getJsonObject(0).getInt("status");
    }
}
