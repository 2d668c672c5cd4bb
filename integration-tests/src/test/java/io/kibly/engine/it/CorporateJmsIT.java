package io.kibly.engine.it;

import static io.kibly.engine.it.WorkersIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Corporate systems over JMS, from a client outside the server (the OpenMQ client over TCP, with the broker
 * account made for them): commands in with replies, CloudEvents out, and what is refused.
 */
@ExtendWith(ArquillianExtension.class)
class CorporateJmsIT {

    private static final String COMMANDS = "kibly_commands";
    private static final String PARKED = "kibly_commands_parked";

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
    void triggerSyncIsAnsweredAndTheJobsEventsFollowThroughToCompletion() throws Exception {
        String organisation = SandboxControl.organisation(12);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":3000}}");
        EngineClient admin = EngineClient.forNewTenant("corporate");
        String integration = ProviderConsent.connected(admin, "xero", "Corporate books", organisation);
        String key = issueKey(admin);

        try (ExternalJms client = ExternalJms.asTenant(admin.tenant())) {
            JMSContext jms = client.context();
            // the tenant's own topic, without a selector: the broker sends it nothing of other tenants
            JMSConsumer events = client.consumer(jms.createTopic(ExternalJms.eventsTopic(admin.tenant())), null);
            TemporaryQueue replies = jms.createTemporaryQueue();
            JMSConsumer answers = client.consumer(replies, null);
            String trigger = "{\"type\":\"TriggerSync\",\"commandId\":\"erp-1\",\"integrationId\":\"" + integration
                    + "\",\"syncType\":\"FULL\"}";
            send(jms, trigger, key, replies, "corr-erp-1");

            Message reply = answers.receive(30_000);
            assertNotNull(reply, "a reply within 30 s");
            assertEquals("corr-erp-1", reply.getJMSCorrelationID());
            JsonObject accepted = json(reply);
            assertEquals("ACCEPTED", accepted.getString("status"), accepted.toString());
            assertEquals("erp-1", accepted.getString("commandId"));
            assertTrue(accepted.getBoolean("created"));
            String jobId = accepted.getString("jobId");

            // the job's events, in order, through to completion
            List<JsonObject> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                Message message = events.receive(1_000);
                if (message == null) {
                    continue;
                }
                assertEquals("application/cloudevents+json", message.getStringProperty("content_type"));
                JsonObject event = json(message);
                if (jobId.equals(event.getString("subject", ""))) {
                    received.add(event);
                    if (event.getString("type").equals("io.kibly.sync.completed")) {
                        break;
                    }
                }
            }
            List<String> types = received.stream().map(e -> e.getString("type")).toList();
            assertFalse(types.isEmpty(), "events for the job");
            assertEquals("io.kibly.sync.started", types.get(0), types.toString());
            assertEquals("io.kibly.sync.completed", types.get(types.size() - 1), types.toString());
            assertEquals(1, Collections.frequency(types, "io.kibly.sync.started"), types.toString());
            int importedByPages = received.stream().filter(e -> e.getString("type").equals("io.kibly.transactions.imported"))
                    .mapToInt(e -> e.getJsonObject("data").getInt("imported")).sum();
            assertEquals(3000, importedByPages, "the pages' summaries add up to the import");
            JsonObject completed = received.get(received.size() - 1);
            assertEquals("1.0", completed.getString("specversion"));
            assertEquals("/kibly/integrations/" + integration, completed.getString("source"));
            assertEquals(admin.tenant(), completed.getString("kiblytenant"));
            assertEquals(3000, completed.getJsonObject("data").getInt("imported"));
            assertEquals("COMPLETED", completed.getJsonObject("data").getString("status"));
            Set<String> ids = new HashSet<>();
            received.forEach(e -> assertTrue(ids.add(e.getString("id")), "each event once: " + e));
            JsonObject job = admin.get("/api/sync-jobs/" + jobId).json();
            assertEquals("COMPLETED", job.getString("status"));
            assertEquals("JMS", job.getString("trigger"), job.toString());

            // the same command again (a sender's retry) finds the same job
            send(jms, trigger, key, replies, "corr-erp-1-again");
            JsonObject again = json(answers.receive(30_000));
            assertEquals(jobId, again.getString("jobId"));
            assertFalse(again.getBoolean("created"));

            // a command for something the tenant does not have: a clear error
            send(jms, "{\"type\":\"CancelSync\",\"commandId\":\"erp-2\",\"jobId\":\"" + UUID.randomUUID() + "\"}",
                    key, replies, "corr-erp-2");
            JsonObject notFound = json(answers.receive(30_000));
            assertEquals("REJECTED", notFound.getString("status"));
            assertEquals("not-found", notFound.getJsonObject("error").getString("code"), notFound.toString());
        }
    }

    @Test
    void malformedAndUnauthorisedCommandsGetAnErrorReplyAndAreParkedNotRedelivered() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("corporate-refused");
        String key = issueKey(admin);
        String revoked = issueKey(admin);
        JsonObject keys = Json.createReader(new StringReader(admin.get("/api/command-keys").body())).readArray()
                .getJsonObject(1);
        assertFalse(keys.containsKey("key"), "a listed key never shows the key: " + keys);
        assertEquals(200, admin.send("DELETE", "/api/command-keys/" + keys.getString("id"), null,
                java.util.Map.of()).status());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String validTrigger = "{\"type\":\"TriggerSync\",\"commandId\":\"x\",\"integrationId\":\"" + UUID.randomUUID()
                + "\"}";

        try (ExternalJms client = ExternalJms.asTenant(admin.tenant()); ExternalJms operator = ExternalJms.asServer()) {
            JMSContext jms = client.context();
            TemporaryQueue replies = jms.createTemporaryQueue();
            JMSConsumer answers = client.consumer(replies, null);
            send(jms, "this is not JSON", key, replies, run + "-not-json");
            send(jms, "{\"type\":\"DropTables\",\"commandId\":\"y\"}", key, replies, run + "-unknown-type");
            send(jms, "{\"type\":\"TriggerSync\",\"commandId\":\"z\",\"integrationId\":\"nope\"}", key, replies,
                    run + "-bad-field");
            send(jms, validTrigger, "kck_not-a-key", replies, run + "-wrong-key");
            send(jms, validTrigger, null, replies, run + "-no-key");
            send(jms, validTrigger, revoked, replies, run + "-revoked-key");

            // the MDB pool may answer out of order: match the replies by correlation id
            java.util.Map<String, JsonObject> answered = new java.util.TreeMap<>();
            for (int i = 0; i < 6; i++) {
                Message reply = answers.receive(30_000);
                assertNotNull(reply, "a reply for each of the 6 commands; got " + answered);
                answered.put(reply.getJMSCorrelationID().substring(run.length() + 1), json(reply));
            }
            java.util.Map<String, String> codes = new java.util.TreeMap<>();
            answered.forEach((command, reply) -> {
                assertEquals("REJECTED", reply.getString("status"), reply.toString());
                codes.put(command, reply.getJsonObject("error").getString("code"));
            });
            assertEquals(java.util.Map.of("not-json", "malformed", "unknown-type", "malformed", "bad-field", "malformed",
                    "wrong-key", "unauthorised", "no-key", "unauthorised", "revoked-key", "unauthorised"), codes);
            assertTrue(answered.get("unknown-type").getJsonObject("error").getString("detail").contains("DropTables"),
                    answered.get("unknown-type").toString());
            assertTrue(answered.get("bad-field").getJsonObject("error").getString("detail").contains("integrationId"),
                    answered.get("bad-field").toString());
            assertNull(answers.receive(5_000), "answered once each: nothing redelivered");

            // parked, with the reason and without the key; none left on the command queue
            // (as the server's account: a corporate account may not look into the engine's queues)
            List<Message> parked = browse(operator.context(), PARKED, run);
            assertEquals(6, parked.size(), "all six parked");
            for (Message message : parked) {
                assertNotNull(message.getStringProperty("kiblyRefusal"));
                assertNull(message.getStringProperty("kiblyCommandKey"), "the key is not kept");
            }
            assertEquals(0, browse(operator.context(), COMMANDS, run).size(), "nothing left to redeliver");
        }
        // no job was created by any of them
        assertEquals(0, Database.count("select count(*) from engine.sync_job where tenant_id = ?", admin.tenant()));
    }

    @Test
    void hostileCommandsAreRefusedAsMalformedOnceAndParkedWithTheReason() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("corporate-hostile");
        String key = issueKey(admin);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String trigger = "{\"type\":\"TriggerSync\",\"commandId\":\"h\",\"integrationId\":\"" + UUID.randomUUID() + "\"";
        java.util.Map<String, String> hostile = new java.util.LinkedHashMap<>();
        hostile.put("priority-wraps", trigger + ",\"priority\":18446744073709551625}");
        hostile.put("priority-exponent", trigger + ",\"priority\":1e40}");
        hostile.put("priority-text", trigger + ",\"priority\":\"5\"}");
        hostile.put("year-too-far", trigger + ",\"dateFrom\":\"+999999999-12-31\"}");
        hostile.put("year-zero", trigger + ",\"dateTo\":\"0000-01-01\"}");
        hostile.put("nul-type", "{\"type\":\"TriggerSync\\u0000\",\"commandId\":\"h\"}");
        hostile.put("nul-field-name", trigger + ",\"x\\u0000\":1}");
        hostile.put("surrogate", trigger + ",\"syncType\":\"\\ud800\"}");
        hostile.put("command-id-number", "{\"type\":\"CancelSync\",\"commandId\":5,\"jobId\":\"" + UUID.randomUUID() + "\"}");
        hostile.put("truncated", trigger);

        try (ExternalJms client = ExternalJms.asTenant(admin.tenant()); ExternalJms operator = ExternalJms.asServer()) {
            JMSContext jms = client.context();
            TemporaryQueue replies = jms.createTemporaryQueue();
            JMSConsumer answers = client.consumer(replies, null);
            for (var command : hostile.entrySet()) {
                send(jms, command.getValue(), key, replies, run + "-" + command.getKey());
            }
            java.util.Map<String, String> codes = new java.util.TreeMap<>();
            for (int i = 0; i < hostile.size(); i++) {
                Message reply = answers.receive(30_000);
                assertNotNull(reply, "a reply for each command; got " + codes);
                JsonObject answer = json(reply);
                assertEquals("REJECTED", answer.getString("status"), answer.toString());
                assertFalse(answer.toString().contains("\\u0000"), "the reason echoes no U+0000: " + answer);
                codes.put(reply.getJMSCorrelationID().substring(run.length() + 1),
                        answer.getJsonObject("error").getString("code"));
            }
            java.util.Map<String, String> expected = new java.util.TreeMap<>();
            hostile.keySet().forEach(name -> expected.put(name, "malformed"));
            assertEquals(expected, codes);
            assertNull(answers.receive(5_000), "answered once each: no exception loop, nothing redelivered");
            List<Message> parked = browse(operator.context(), PARKED, run);
            assertEquals(hostile.size(), parked.size(), "all parked");
            for (Message message : parked) {
                assertEquals("malformed", message.getStringProperty("kiblyRefusal"));
                assertFalse(message.getStringProperty("kiblyRefusalDetail").isBlank());
            }
            assertEquals(0, browse(operator.context(), COMMANDS, run).size(), "nothing left to redeliver");
        }
        assertEquals(0, Database.count("select count(*) from engine.sync_job where tenant_id = ?", admin.tenant()));
    }

    @Test
    void aRolledBackChangePublishesNothingAndItsCommittedRetryPublishesOnce() throws Exception {
        String organisation = SandboxControl.organisation(13);
        SandboxControl.configure("{\"transactionCounts\":{\"" + organisation + "\":1000}}");
        EngineClient admin = EngineClient.forNewTenant("corporate-rollback");
        String integration = ProviderConsent.connected(admin, "xero", "Rolled back", organisation);
        // Every transaction that changes one of this tenant's jobs fails when it commits: the planner's
        // "started" change (and its event) is rolled back each time it is tried.
        Database.execute("CREATE OR REPLACE FUNCTION engine.corporate_jms_it_refuse() RETURNS trigger"
                + " LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by CorporateJmsIT'; END $$");
        Database.execute("CREATE CONSTRAINT TRIGGER corporate_jms_it_refuse AFTER UPDATE ON engine.sync_job"
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.tenant_id = '" + admin.tenant() + "')"
                + " EXECUTE FUNCTION engine.corporate_jms_it_refuse()");
        try (ExternalJms client = ExternalJms.asTenant(admin.tenant())) {
            JMSContext jms = client.context();
            // the tenant's own topic, without a selector: the broker sends it nothing of other tenants
            JMSConsumer events = client.consumer(jms.createTopic(ExternalJms.eventsTopic(admin.tenant())), null);
            String jobId;
            try {
                EngineClient.Reply started = admin.startSync(integration, "FULL");
                assertEquals(202, started.status(), started.toString());
                jobId = started.json().getString("id");
                // the plan message is tried, rolled back, redelivered, and parked on the dead message queue
                await(() -> admin.get("/api/dead-letters").jsonArray(), list -> list.size() == 1, Duration.ofSeconds(60));
                assertEquals(List.of(), eventsOf(events, jobId, Duration.ofSeconds(3)),
                        "no event for a change that rolled back");
                assertEquals(0, Database.count("select count(*) from engine.event_outbox where tenant_id = ?"
                        + " and subject = ?", admin.tenant(), jobId));
                assertEquals("QUEUED", admin.get("/api/sync-jobs/" + jobId).json().getString("status"));
            } finally {
                Database.execute("DROP TRIGGER corporate_jms_it_refuse ON engine.sync_job");
                Database.execute("DROP FUNCTION engine.corporate_jms_it_refuse()");
            }
            // the stalled-job timer plans it again; now it commits, and its events are published, once each
            List<String> types = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline && !types.contains("io.kibly.sync.completed")) {
                Message message = events.receive(1_000);
                if (message != null && jobId.equals(json(message).getString("subject", ""))) {
                    types.add(json(message).getString("type"));
                }
            }
            assertEquals(1, Collections.frequency(types, "io.kibly.sync.started"), types.toString());
            assertEquals(1, Collections.frequency(types, "io.kibly.sync.completed"), types.toString());
            assertEquals(Database.count("select count(*) from engine.event_outbox where tenant_id = ?"
                    + " and subject = ?", admin.tenant(), jobId), types.size(), "every stored event published once");
        }
    }

    @Test
    void theBrokerRefusesTheCorporateAccountWithAWrongPassword() throws Exception {
        String user = KiblyTestEnvironment.current().brokerClient("corporate-password").user();
        assertThrows(JMSSecurityRuntimeException.class, () -> ExternalJms.as(user, "wrong").close());
    }

    private static String issueKey(EngineClient admin) {
        EngineClient.Reply issued = admin.post("/api/command-keys", "{\"label\":\"ERP\"}");
        assertEquals(201, issued.status(), issued.toString());
        String key = issued.json().getString("key");
        assertTrue(key.startsWith("kck_"), key);
        return key;
    }

    private static void send(JMSContext jms, String body, String key, Queue replyTo, String correlation)
            throws JMSException {
        TextMessage command = jms.createTextMessage(body);
        if (key != null) {
            command.setStringProperty("kiblyCommandKey", key);
        }
        command.setJMSReplyTo(replyTo);
        command.setJMSCorrelationID(correlation);
        jms.createProducer().send(jms.createQueue(COMMANDS), command);
    }

    private static List<Message> browse(JMSContext jms, String queue, String correlationPrefix) throws JMSException {
        List<Message> found = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(jms.createQueue(queue),
                "JMSCorrelationID LIKE '" + correlationPrefix + "%'")) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                found.add((Message) messages.nextElement());
            }
        }
        return found;
    }

    /** The types of the job's events received within {@code wait}. */
    private static List<String> eventsOf(JMSConsumer events, String jobId, Duration wait) throws JMSException {
        List<String> types = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = events.receive(500);
            if (message != null && jobId.equals(json(message).getString("subject", ""))) {
                types.add(json(message).getString("type"));
            }
        }
        return types;
    }

    private static JsonObject json(Message message) throws JMSException {
        return Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
    }
}
