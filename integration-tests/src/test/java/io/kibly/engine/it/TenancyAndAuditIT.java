package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation down to the database (row-level security for the application role), the append-only audit
 * trail, and optimistic locking.
 */
@ExtendWith(ArquillianExtension.class)
class TenancyAndAuditIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @Test
    void tenantBCannotReadChangeOrTriggerAnythingOfTenantA() {
        EngineClient a = EngineClient.forNewTenant("tenant-a");
        EngineClient b = EngineClient.forNewTenant("tenant-b");
        JsonObject integration = a.registerIntegration("xero", "A's books", "accounting").json();
        String id = integration.getString("id");
        long auditOfA = Database.auditEntriesOf(a.tenant());

        IntegrationsApiIT.assertProblem(b.get("/api/integrations/" + id), 404);
        IntegrationsApiIT.assertProblem(b.startSync(id, "INCREMENTAL"), 404);
        IntegrationsApiIT.assertProblem(b.send("PATCH", "/api/integrations/" + id,
                "{\"name\":\"stolen\",\"version\":0}", java.util.Map.of()), 404);
        assertEquals(0, b.get("/api/integrations").json().getJsonArray("items").size());
        assertEquals(0, b.get("/api/audit").json().getJsonArray("items").size());

        assertEquals(1, Database.count("select count(*) from engine.integration where id = ?::uuid and name = 'A''s books'"
                + " and last_sync_requested_at is null", id));
        assertEquals(auditOfA, Database.auditEntriesOf(a.tenant()));
    }

    @Test
    void rowLevelSecurityHidesAndProtectsOtherTenantsRowsFromTheApplicationRole() throws SQLException {
        EngineClient a = EngineClient.forNewTenant("rls-a");
        String id = a.registerIntegration("quickbooks", "A only", "bank").json().getString("id");
        String b = EngineClient.newTenantId("rls-b");

        try (Connection asB = Database.asApplicationRole(b)) {
            assertEquals(0, count(asB, "select count(*) from engine.integration where id = '" + id + "'"));
            assertEquals(0, asB.createStatement().executeUpdate(
                    "update engine.integration set name = 'hijacked' where id = '" + id + "'"));
            assertEquals(0, asB.createStatement().executeUpdate(
                    "delete from engine.integration where id = '" + id + "'"));
            asB.rollback();
        }
        try (Connection unbound = Database.asApplicationRole(null)) {
            assertEquals(0, count(unbound, "select count(*) from engine.integration"), "no tenant named, no rows");
        }
        try (Connection asA = Database.asApplicationRole(a.tenant())) {
            assertEquals(1, count(asA, "select count(*) from engine.integration where id = '" + id + "'"));
            assertThrows(SQLException.class, () -> asA.createStatement().executeUpdate(
                    "update engine.integration set tenant_id = '" + b + "' where id = '" + id + "'"),
                    "cannot hand a row to another tenant");
            asA.rollback();
            Database.bindTenant(asA, a.tenant());
            assertThrows(SQLException.class, () -> asA.createStatement().executeUpdate("insert into engine.integration "
                    + "(id, tenant_id, provider, integration_type, name, status, created_at, version) values ('"
                    + UUID.randomUUID() + "', '" + b + "', 'XERO', 'BANK', 'planted', 'PENDING_AUTH', now(), 0)"),
                    "cannot write rows of another tenant");
            asA.rollback();
        }
        assertEquals(1, Database.count("select count(*) from engine.integration where id = ?::uuid and name = 'A only'", id));
    }

    @Test
    void everyChangeIsAuditedAndTheApplicationRoleCannotAlterTheTrail() throws SQLException {
        EngineClient admin = EngineClient.forNewTenant("audited");
        JsonObject created = admin.registerIntegration("xero", "Audited books", "accounting").json();
        String id = created.getString("id");
        EngineClient.Reply renamed = admin.send("PATCH", "/api/integrations/" + id,
                "{\"name\":\"Renamed books\",\"version\":" + created.getJsonNumber("version") + "}",
                java.util.Map.of("X-Request-Id", "req-rename-1"));
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(202, admin.post("/api/batch-jobs/integration-census/executions", null).status());
        IntegrationsApiIT.assertProblem(admin.startSync(id, "FULL"), 409); // not connected: refused, not audited

        JsonObject page = admin.get("/api/audit").json();
        List<String> actions = new ArrayList<>();
        page.getJsonArray("items").forEach(item -> actions.add(item.asJsonObject().getString("action")));
        assertEquals(List.of("batch-job.started", "integration.renamed", "integration.registered").stream().sorted().toList(),
                actions.stream().sorted().toList());
        JsonObject rename = page.getJsonArray("items").stream().map(i -> i.asJsonObject())
                .filter(i -> i.getString("action").equals("integration.renamed")).findFirst().orElseThrow();
        assertEquals("it-user@" + admin.tenant(), rename.getString("actor"));
        assertEquals("req-rename-1", rename.getString("requestId"));
        assertEquals("Audited books", rename.getJsonObject("changes").getJsonObject("name").getString("before"));
        assertEquals("Renamed books", rename.getJsonObject("changes").getJsonObject("name").getString("after"));
        assertEquals(1, admin.get("/api/audit?action=integration.renamed").json().getJsonArray("items").size());
        IntegrationsApiIT.assertProblem(admin.withRoles("OPERATOR", "VIEWER").get("/api/audit"), 403);
        IntegrationsApiIT.assertProblem(admin.get("/api/audit?from=yesterday"), 400);

        try (Connection app = Database.asApplicationRole(admin.tenant())) {
            assertThrows(SQLException.class, () -> app.createStatement().executeUpdate(
                    "update engine.audit_entry set actor = 'someone else' where tenant_id = '" + admin.tenant() + "'"));
            app.rollback();
            assertThrows(SQLException.class, () -> app.createStatement().executeUpdate(
                    "delete from engine.audit_entry where tenant_id = '" + admin.tenant() + "'"));
            app.rollback();
            assertThrows(SQLException.class, () -> app.createStatement().executeUpdate("truncate engine.audit_entry"));
            app.rollback();
        }
        assertEquals(3, Database.auditEntriesOf(admin.tenant()));
    }

    @Test
    void ofTwoConcurrentRenamesOfTheSameVersionOneWinsAndTheOther409s() throws Exception {
        EngineClient admin = EngineClient.forNewTenant("locking");
        JsonObject created = admin.registerIntegration("xero", "Original", "bank").json();
        String id = created.getString("id");
        long version = created.getJsonNumber("version").longValue();
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<EngineClient.Reply>> renames = new ArrayList<>();
        for (String name : List.of("First", "Second")) {
            renames.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return admin.send("PATCH", "/api/integrations/" + id, "{\"name\":\"" + name + "\",\"version\":"
                        + version + "}", java.util.Map.of());
            }));
        }
        start.countDown();
        List<Integer> statuses = renames.stream().map(CompletableFuture::join).map(EngineClient.Reply::status)
                .sorted().toList();

        assertEquals(List.of(200, 409), statuses);
        JsonObject now = admin.get("/api/integrations/" + id).json();
        assertEquals(version + 1, now.getJsonNumber("version").longValue());
        assertTrue(List.of("First", "Second").contains(now.getString("name")));
        IntegrationsApiIT.assertProblem(admin.send("PATCH", "/api/integrations/" + id,
                "{\"name\":\"Stale\",\"version\":" + version + "}", java.util.Map.of()), 409);
        assertEquals(1, Database.count("select count(*) from engine.audit_entry where target_id = ? "
                + "and action = 'integration.renamed'", id));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
