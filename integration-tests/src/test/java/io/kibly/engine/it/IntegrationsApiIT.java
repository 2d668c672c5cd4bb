package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The integrations API end to end: HTTP in, PostgreSQL underneath, problem+json for every error. */
@ExtendWith(ArquillianExtension.class)
class IntegrationsApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @Test
    void registersAnIntegrationPendingAuthorisationAndStoresItForTheTenant() {
        EngineClient client = EngineClient.forNewTenant("register");

        EngineClient.Reply created = client.registerIntegration("xero", "  Main books ", "accounting");

        assertEquals(201, created.status(), created.toString());
        JsonObject body = created.json();
        UUID id = UUID.fromString(body.getString("id"));
        assertEquals("xero", body.getString("provider"));
        assertEquals("Main books", body.getString("name"));
        assertEquals("accounting", body.getString("integrationType"));
        assertEquals("PENDING_AUTH", body.getString("status"));
        assertTrue(created.location().orElseThrow().endsWith("/api/integrations/" + id));

        assertEquals(1, Database.count("select count(*) from engine.integration where id = ? and tenant_id = ? "
                + "and provider = 'XERO' and status = 'PENDING_AUTH' and name = 'Main books'", id, client.tenant()));
        EngineClient.Reply read = client.get("/api/integrations/" + id);
        assertEquals(200, read.status());
        assertEquals(body.getString("createdAt").substring(0, 19), read.json().getString("createdAt").substring(0, 19));
        assertEquals("quickbooks", client.registerIntegration("quickbooks", "QB bank", "bank").json().getString("provider"));
        assertEquals(2, Database.integrationsOf(client.tenant()));
    }

    @Test
    void listsTheTenantsIntegrationsOldestFirstInPages() {
        EngineClient client = EngineClient.forNewTenant("list");
        List<String> names = List.of("first", "second", "third");
        names.forEach(name -> assertEquals(201, client.registerIntegration("xero", name, "bank").status()));

        EngineClient.Reply firstPage = client.get("/api/integrations?limit=2");
        assertEquals(200, firstPage.status(), firstPage.toString());
        assertEquals(List.of("first", "second"), names(firstPage.json()));
        String next = firstPage.json().getString("next");

        EngineClient.Reply secondPage = client.get("/api/integrations?limit=2&after=" + next);
        assertEquals(List.of("third"), names(secondPage.json()));
        assertFalse(secondPage.json().containsKey("next"), "the last page has no next cursor");
    }

    @Test
    void anotherTenantsIntegrationIsNotFound() {
        EngineClient owner = EngineClient.forNewTenant("owner");
        String id = owner.registerIntegration("xero", "Private books", "accounting").json().getString("id");

        EngineClient.Reply foreign = owner.asTenant("stranger-" + UUID.randomUUID().toString().substring(0, 8))
                .get("/api/integrations/" + id);

        assertProblem(foreign, 404);
        assertEquals(0, foreign.json().getJsonArray("errors").size());
        assertTrue(owner.asTenant("nobody-else").get("/api/integrations").json().getJsonArray("items").stream()
                .noneMatch(item -> item.asJsonObject().getString("id").equals(id)));
    }

    @Test
    void invalidInputIsA400ProblemNamingEachFieldAndStoresNothing() {
        EngineClient client = EngineClient.forNewTenant("invalid");

        EngineClient.Reply reply = client.post("/api/integrations",
                "{\"provider\":\"sage\",\"name\":\"   \",\"integrationType\":\"payroll\"}");

        assertProblem(reply, 400);
        List<String> fields = reply.json().getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().getString("field")).toList();
        assertEquals(List.of("integrationType", "name", "provider"), fields);
        assertEquals(0, Database.integrationsOf(client.tenant()));
    }

    @Test
    void malformedOrMistypedBodiesAre400sNever500s() {
        EngineClient client = EngineClient.forNewTenant("malformed");
        List<String> bodies = List.of("{not json", "[]", "\"a string\"", "{\"provider\":5,\"name\":[],\"integrationType\":{}}",
                "{\"provider\":\"xero\",\"name\":\"" + "x".repeat(201) + "\",\"integrationType\":\"bank\"}",
                "{\"provider\":\"xero'; drop table engine.integration;--\",\"name\":\"n\",\"integrationType\":\"bank\"}");

        for (String body : bodies) {
            assertProblem(client.post("/api/integrations", body), 400);
        }
        assertProblem(client.post("/api/integrations", null), 400);
        assertProblem(client.get("/api/integrations?limit=abc"), 400);
        assertProblem(client.get("/api/integrations?limit=0"), 400);
        assertProblem(client.get("/api/integrations?after=not-a-cursor"), 400);
        assertEquals(0, Database.integrationsOf(client.tenant()));
    }

    @Test
    void unknownIdsAre404Problems() {
        EngineClient client = EngineClient.forNewTenant("unknown");

        assertProblem(client.get("/api/integrations/" + UUID.randomUUID()), 404);
        assertProblem(client.get("/api/integrations/not-a-uuid"), 404);
        assertProblem(client.startSync(UUID.randomUUID().toString(), "FULL"), 404);
    }

    static void assertProblem(EngineClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        assertEquals(status, reply.json().getInt("status"));
        assertFalse(reply.json().getString("detail").isBlank());
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").stream().map(item -> item.asJsonObject().getString("name")).toList();
    }
}
