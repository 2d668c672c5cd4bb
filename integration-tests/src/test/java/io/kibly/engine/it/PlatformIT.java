package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the platform around the API offers: schema migrations, health, metrics and the OpenAPI document. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    private final EngineClient client = EngineClient.forNewTenant("platform");

    @Test
    void theSchemaIsFlywaysAtTheLatestVersion() {
        assertEquals(2, Database.count("select count(*) from engine.flyway_schema_history where success "
                + "and version in ('1', '2')"));
        assertEquals(6, Database.count("select count(*) from information_schema.tables where table_schema = 'jbatch'"
                + " and table_type = 'BASE TABLE'"));
        assertEquals(20, Database.count("select max(version::int) from engine.flyway_schema_history where success"));
        // the timer table is reachable from the batch runtime's schema too (V9)
        assertEquals(1, Database.count("select count(*) from information_schema.views where table_schema = 'jbatch'"
                + " and table_name = 'EJB__TIMER__TBL'"));
    }

    @Test
    void theServersEjbTimersAndBatchRepositoryUseThePostgresqlResource() throws Exception {
        // Payara creates the timer table lazily with the first persistent timer; the configuration is what counts.
        String domain = Files.readString(Path.of(System.getProperty("kibly.it.payaraHome"),
                "glassfish/domains/kibly/config/domain.xml"));
        assertTrue(domain.contains("timer-datasource=\"jdbc/kibly\""), "EJB timer store on jdbc/kibly");
        assertTrue(domain.contains("data-source-lookup-name=\"jdbc/kibly\""), "batch repository on jdbc/kibly");
        assertTrue(domain.contains("<jvm-options>-Xmx1g</jvm-options>"), "heap setting");
    }

    @Test
    void theBrokerBoundsRedeliveryOfRolledBackMessages() throws Exception {
        Path domain = Path.of(System.getProperty("kibly.it.payaraHome"), "glassfish/domains/kibly");
        String broker = Files.readString(domain.resolve("imq/instances/imqbroker/props/config.properties"));
        assertTrue(broker.contains("imq.transaction.message.maxConsecutiveRollbacks=5"),
                "rollbacks without an exception are bounded too");
    }

    @Test
    void readinessCoversTheDatabaseTheBrokerAndTheProviderCircuits() {
        EngineClient.Reply ready = client.get("/health/ready");

        assertEquals(200, ready.status(), ready.toString());
        JsonObject health = ready.json();
        assertEquals("UP", health.getString("status"));
        Map<String, String> checks = health.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals("UP", checks.get("database"), checks.toString());
        assertEquals("UP", checks.get("jms-broker"), checks.toString());
        JsonObject circuits = health.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("provider-circuits")).findFirst().orElseThrow();
        assertTrue(circuits.getJsonObject("data").getString("xero.circuit").matches("closed|open|half-open"),
                circuits.toString());
        assertTrue(circuits.getJsonObject("data").containsKey("quickbooks.consecutiveFailures"), circuits.toString());
        assertEquals(200, client.get("/health/live").status());
    }

    @Test
    void metricsCountRegisteredIntegrations() {
        double before = registeredTotal();
        client.registerIntegration("xero", "counted", "bank");
        client.registerIntegration("xero", "counted too", "bank");

        assertEquals(before + 2, registeredTotal(), 0.001);
    }

    @Test
    void theOpenApiDocumentDescribesTheIntegrationsApi() {
        EngineClient.Reply openapi = client.get("/openapi", "application/json");

        assertEquals(200, openapi.status());
        JsonObject paths = openapi.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/integrations/{id}"), paths.keySet().toString());
        assertTrue(paths.getJsonObject("/api/integrations").containsKey("post"));
        assertTrue(openapi.json().getJsonObject("components").getJsonObject("schemas")
                .containsKey("RegisterIntegrationRequest"));
        assertTrue(openapi.body().contains("application/problem+json"));
    }

    private double registeredTotal() {
        String metrics = client.get("/metrics?scope=application", "text/plain").body();
        return metrics.lines().filter(line -> line.startsWith("integrations_registered_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
