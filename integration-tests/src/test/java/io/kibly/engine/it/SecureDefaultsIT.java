package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kibly.engine.serverconfig.KiblyEnvironment;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker on the same machine finds around the API, as the launcher sets it up: Payara's administration
 * and JMX ask for the generated password and listen on the loopback only, the server does not run as root, and
 * the broker refuses its default accounts and keeps each tenant's events and the engine's queues to their owners.
 */
@ExtendWith(ArquillianExtension.class)
class SecureDefaultsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    private static KiblyEnvironment environment() {
        return KiblyTestEnvironment.current();
    }

    private static String adminUrl(String path) {
        return "http://127.0.0.1:" + environment().payara().adminPort() + path;
    }

    @Test
    void theAdminRestApiRefusesAnonymousCallersAndAnswersTheAdministrator() throws Exception {
        String poolProperties = adminUrl("/management/domain/resources/jdbc-connection-pool/kibly-pool/property");
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(poolProperties))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertFalse(anonymous.body().contains(System.getProperty("kibly.it.appPassword")), "no password to strangers");

        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(poolProperties))
                .header("Accept", "application/json").header("Authorization", basic("admin", "admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode(), "OpenMQ's and Payara's usual defaults are not the password");

        HttpResponse<String> administrator = HTTP.send(HttpRequest.newBuilder(URI.create(poolProperties))
                .header("Accept", "application/json")
                .header("Authorization", basic("admin", environment().payara().adminPassword())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, administrator.statusCode(), administrator.body());
    }

    @Test
    void jmxRefusesAConnectionWithoutCredentials() throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort() + "/jmxrmi");
        // Payara's login module refuses, and its refusal (not serialisable) reaches the client as an IOException
        assertThrows(java.io.IOException.class, () -> JMXConnectorFactory.connect(url, Map.of()).close());
        assertThrows(java.io.IOException.class, () -> JMXConnectorFactory.connect(url,
                Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", "wrong"})).close());
        try (JMXConnector administrator = JMXConnectorFactory.connect(url,
                Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", environment().payara().adminPassword()}))) {
            assertTrue(administrator.getMBeanServerConnection().getMBeanCount() > 0);
        }
    }

    @Test
    void adminJmxAndTheBrokerListenOnTheLoopbackOnly() throws Exception {
        int base = environment().payara().adminPort() - 48;
        Map<Integer, List<String>> listening = listeningAddresses();
        for (int port : List.of(base + 48, jmxPort(), base + 76)) {
            List<String> addresses = listening.get(port);
            assertNotNull(addresses, "something listens on " + port + ": " + listening);
            assertEquals(List.of("127.0.0.1"), addresses, "port " + port);
        }
    }

    @Test
    void payaraDoesNotRunAsRoot() throws Exception {
        String status = Files.readString(Path.of("/proc/" + environment().payara().pid() + "/status"));
        String uid = status.lines().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
        assertNotEquals("0", uid, status);
    }

    @Test
    void theBrokerRefusesItsDefaultAccountsAndAnonymousClients() {
        for (String[] login : new String[][] {{"guest", "guest"}, {"admin", "admin"}, {null, null}}) {
            assertThrows(JMSRuntimeException.class, () -> ExternalJms.as(login[0], login[1]).close(),
                    "login " + login[0]);
        }
    }

    @Test
    void aTenantsBrokerAccountReadsOnlyItsOwnEventsAndCannotTouchTheEnginesQueues() throws Exception {
        EngineClient tenantA = EngineClient.forNewTenant("broker-a");
        EngineClient tenantB = EngineClient.forNewTenant("broker-b");
        String topicA = ExternalJms.eventsTopic(tenantA.tenant());
        try (ExternalJms a = ExternalJms.asTenant(tenantA.tenant())) {
            a.consumer(a.context().createTopic(topicA), null); // A may read its own events
        }
        try (ExternalJms b = ExternalJms.asTenant(tenantB.tenant())) {
            JMSContext jms = b.context();
            assertThrows(JMSRuntimeException.class, () -> b.consumer(jms.createTopic(topicA), null),
                    "B subscribes to A's events");
            for (String queue : List.of("kibly_sync_integration", "kibly_import_transactions",
                    "kibly_enrich_transactions", "kibly_commands_parked")) {
                MapMessage forged = jms.createMapMessage();
                forged.setString("tenantId", tenantA.tenant());
                assertThrows(JMSRuntimeException.class, () -> jms.createProducer().send(jms.createQueue(queue), forged),
                        "B sends to " + queue);
            }
            assertThrows(JMSRuntimeException.class, () -> b.consumer(jms.createQueue("kibly_commands"), null),
                    "B reads other tenants' commands");
            // what it may do: subscribe to its own events and send a command
            b.consumer(jms.createTopic(ExternalJms.eventsTopic(tenantB.tenant())), null);
            jms.createProducer().send(jms.createQueue("kibly_commands"), "{}");
        }
    }

    @Test
    void aWorkMessageNamingAnotherTenantsJobIsDroppedAndOnlyTheJobsOwnTenantPlansIt() throws Exception {
        EngineClient owner = EngineClient.forNewTenant("forged-owner");
        EngineClient other = EngineClient.forNewTenant("forged-other");
        EngineClient.Reply registered = owner.post("/api/integrations",
                "{\"provider\":\"xero\",\"name\":\"Forged\",\"integrationType\":\"accounting\"}");
        assertEquals(201, registered.status(), registered.toString());
        String integration = registered.json().getString("id");
        java.util.UUID job = java.util.UUID.randomUUID();
        // a queued job whose plan message was never sent (written past the API)
        Database.execute("INSERT INTO engine.sync_job (id, tenant_id, integration_id, sync_type, trigger_type, status,"
                + " priority, requested_by, created_at, version) VALUES ('" + job + "', '" + owner.tenant() + "', '"
                + integration + "', 'INCREMENTAL', 'MANUAL', 'QUEUED', 5, 'SecureDefaultsIT', now(), 0)");
        try (ExternalJms server = ExternalJms.asServer()) {
            sendPlan(server.context(), other.tenant(), job);
            WorkersIT.await(() -> pending(server.context(), job), n -> n == 0, Duration.ofSeconds(60));
            assertEquals(1, Database.count("select count(*) from engine.sync_job where id = ? and status = 'QUEUED'", job),
                    "a message naming another tenant's job changes nothing");
            sendPlan(server.context(), owner.tenant(), job);
            WorkersIT.await(() -> Database.count("select count(*) from engine.sync_job where id = ? and status <> 'QUEUED'",
                    job), n -> n == 1, Duration.ofSeconds(60));
        }
    }

    private static void sendPlan(JMSContext jms, String tenant, java.util.UUID job) throws Exception {
        MapMessage plan = jms.createMapMessage();
        plan.setString("tenantId", tenant);
        plan.setString("jobId", job.toString());
        jms.createProducer().send(jms.createQueue("kibly_sync_integration"), plan);
    }

    /** Messages naming {@code job} still on the planner's queue. */
    private static int pending(JMSContext jms, java.util.UUID job) {
        int count = 0;
        try (jakarta.jms.QueueBrowser browser = jms.createBrowser(jms.createQueue("kibly_sync_integration"))) {
            for (var e = browser.getEnumeration(); e.hasMoreElements();) {
                if (e.nextElement() instanceof MapMessage m && job.toString().equals(m.getString("jobId"))) {
                    count++;
                }
            }
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        return count;
    }

    private static int jmxPort() {
        return environment().payara().adminPort() - 48 + 86;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Listening TCP sockets by port, with their local addresses, from the kernel's tables (IPv4 and IPv6). */
    private static Map<Integer, List<String>> listeningAddresses() throws Exception {
        Map<Integer, List<String>> listening = new java.util.TreeMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table)); // read once: the table changes between reads
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (!fields[3].equals("0A")) { // LISTEN
                    continue;
                }
                String[] local = fields[1].split(":");
                int port = Integer.parseInt(local[1], 16);
                listening.computeIfAbsent(port, p -> new ArrayList<>()).add(address(local[0]));
            }
        }
        return listening;
    }

    private static String address(String hex) {
        if (hex.length() == 8) {
            long a = Long.parseLong(hex, 16);
            return (a & 0xff) + "." + ((a >> 8) & 0xff) + "." + ((a >> 16) & 0xff) + "." + ((a >> 24) & 0xff);
        }
        if (hex.equals("00000000000000000000000000000000")) {
            return "::";
        }
        if (hex.equals("0000000000000000FFFF00000100007F")) {
            return "127.0.0.1";
        }
        return hex.equals("00000000000000000000000001000000") ? "::1" : hex;
    }
}
