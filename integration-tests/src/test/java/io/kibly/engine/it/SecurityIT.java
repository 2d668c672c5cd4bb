package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kibly.engine.serverconfig.DevTokens;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bearer tokens and roles: who may call what, and the tenant taken only from the token. */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    private static final String INTEGRATION = "{\"provider\":\"xero\",\"name\":\"n\",\"integrationType\":\"bank\"}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @Test
    void aCallWithoutAValidTokenIs401AndChangesNothing() throws Exception {
        String tenant = EngineClient.newTenantId("unauthenticated");
        DevTokens issuer = EngineClient.issuer();
        DevTokens stranger = new DevTokens(Files.createTempDirectory("other-issuer")).ensureKeys();
        List<String> rejected = List.of(
                "not-a-jwt",
                issuer.mint("https://someone.else/issuer", tenant, "mallory", EngineClient.ALL_ROLES,
                        Instant.now().plusSeconds(600)),
                issuer.mint(DevTokens.ISSUER, tenant, "mallory", EngineClient.ALL_ROLES, Instant.now().minusSeconds(600)),
                stranger.mint(tenant, "mallory", EngineClient.ALL_ROLES, Duration.ofMinutes(10)));

        EngineClient.Reply none = EngineClient.withToken(tenant, null).post("/api/integrations", INTEGRATION);
        IntegrationsApiIT.assertProblem(none, 401);
        assertTrue(none.authenticate().orElse("").startsWith("Bearer"), none.toString());
        assertEquals("Bearer realm=\"kibly\"", none.authenticate().orElse(""), "no token: no error code (RFC 6750 3.1)");
        for (String token : rejected) {
            EngineClient client = EngineClient.withToken(tenant, token);
            EngineClient.Reply posted = client.post("/api/integrations", INTEGRATION);
            assertEquals(401, posted.status(), token);
            String challenge = posted.authenticate().orElse("");
            assertTrue(challenge.startsWith("Bearer realm=\"kibly\", error=\"invalid_token\", error_description=\""),
                    challenge);
            assertFalse(challenge.contains(token) || posted.body().contains(token), "the token was echoed");
            assertEquals(401, client.get("/api/integrations").status(), token);
        }
        assertEquals(0, Database.integrationsOf(tenant));
    }

    @Test
    void aViewerReadsButChangesNothing() {
        EngineClient admin = EngineClient.forNewTenant("viewer");
        String id = admin.registerIntegration("xero", "Books", "accounting").json().getString("id");
        EngineClient viewer = admin.withRoles("VIEWER");

        assertEquals(200, viewer.get("/api/integrations").status());
        assertEquals(200, viewer.get("/api/integrations/" + id).status());
        IntegrationsApiIT.assertProblem(viewer.post("/api/integrations", INTEGRATION), 403);
        IntegrationsApiIT.assertProblem(viewer.startSync(id, "FULL"), 403);
        IntegrationsApiIT.assertProblem(viewer.post("/api/batch-jobs/integration-census/executions", null), 403);
        assertEquals(1, Database.integrationsOf(admin.tenant()));
    }

    @Test
    void anOperatorRunsSyncsAndJobsButDoesNotManageIntegrations() {
        EngineClient admin = EngineClient.forNewTenant("operator");
        String id = admin.registerIntegration("quickbooks", "Books", "accounting").json().getString("id");
        EngineClient operator = admin.withRoles("OPERATOR");

        IntegrationsApiIT.assertProblem(operator.post("/api/integrations", INTEGRATION), 403);
        // allowed to ask; refused only because the integration is not connected
        IntegrationsApiIT.assertProblem(operator.startSync(id, "FULL"), 409);
        assertEquals(202, operator.post("/api/batch-jobs/integration-census/executions", null).status());
        assertEquals(200, operator.get("/api/integrations/" + id).status());
        assertEquals(1, Database.integrationsOf(admin.tenant()));
    }

    @Test
    void anAdminManagesIntegrations() {
        EngineClient admin = EngineClient.forNewTenant("admin").withRoles("ADMIN");

        assertEquals(201, admin.post("/api/integrations", INTEGRATION).status());
        assertEquals(200, admin.get("/api/integrations").status());
        assertEquals(1, Database.integrationsOf(admin.tenant()));
    }

    @Test
    void theTenantComesFromTheTokenNeverFromTheRequest() {
        EngineClient client = EngineClient.forNewTenant("token-tenant");
        String other = EngineClient.newTenantId("header-tenant");

        assertEquals(201, client.send("POST", "/api/integrations", INTEGRATION,
                Map.of("X-Kibly-Tenant", other, "X-Tenant-Id", other)).status());

        assertEquals(1, Database.integrationsOf(client.tenant()));
        assertEquals(0, Database.integrationsOf(other));
        String tokenWithoutTenant = EngineClient.issuer().mint(null, "nobody", EngineClient.ALL_ROLES,
                Duration.ofMinutes(5));
        // verified, but it acts for nobody: a token problem (401 invalid_token), not a missing role (403)
        EngineClient.Reply tenantless = EngineClient.withToken(null, tokenWithoutTenant).get("/api/integrations");
        IntegrationsApiIT.assertProblem(tenantless, 401);
        assertTrue(tenantless.authenticate().orElse("").startsWith("Bearer realm=\"kibly\", error=\"invalid_token\""),
                tenantless.toString());
        IntegrationsApiIT.assertProblem(EngineClient.withToken(null, tokenWithoutTenant).post("/api/integrations",
                INTEGRATION), 401);
    }

    @Test
    void aTokenNotValidYetIssuedInTheFutureOrWithClaimsOfTheWrongTypeIs401AndChangesNothing() {
        String tenant = EngineClient.newTenantId("claims");
        long now = Instant.now().getEpochSecond();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("nbf a day ahead", claims("\"" + tenant + "\"", "[\"ADMIN\"]", now, now + 86_400));
        refused.put("nbf beyond the skew", claims("\"" + tenant + "\"", "[\"ADMIN\"]", now, now + 600));
        refused.put("iat a day ahead", claims("\"" + tenant + "\"", "[\"ADMIN\"]", now + 86_400, null));
        refused.put("tenant a number", claims("123", "[\"ADMIN\"]", now, null));
        refused.put("tenant a boolean", claims("true", "[\"ADMIN\"]", now, null));
        refused.put("tenant empty", claims("\"\"", "[\"ADMIN\"]", now, null));
        refused.put("tenant an array", claims("[\"" + tenant + "\"]", "[\"ADMIN\"]", now, null));
        refused.put("tenant of another form", claims("\"a b/../c\"", "[\"ADMIN\"]", now, null));
        refused.put("groups a string", claims("\"" + tenant + "\"", "\"ADMIN\"", now, null));
        refused.put("groups not strings", claims("\"" + tenant + "\"", "[\"ADMIN\",1]", now, null));
        refused.forEach((what, token) -> {
            for (EngineClient.Reply reply : List.of(EngineClient.withToken(tenant, token).get("/api/integrations"),
                    EngineClient.withToken(tenant, token).post("/api/integrations", INTEGRATION))) {
                IntegrationsApiIT.assertProblem(reply, 401);
                String challenge = reply.authenticate().orElse("");
                assertTrue(challenge.startsWith("Bearer realm=\"kibly\", error=\"invalid_token\", error_description=\""),
                        what + ": " + reply + " " + challenge);
                assertFalse(challenge.contains(token.split("\\.")[1]), what + ": the challenge echoes the token");
                assertFalse(reply.body().contains(token.split("\\.")[1]), what + ": the problem echoes the token");
            }
        });
        for (String coerced : List.of(tenant, "123", "true")) {
            assertEquals(0, Database.integrationsOf(coerced), coerced);
        }
        // within the clock skew (60 s by default) a token is accepted: clocks differ
        String skewed = claims("\"" + tenant + "\"", "[\"ADMIN\"]", now + 30, now + 30);
        assertEquals(200, EngineClient.withToken(tenant, skewed).get("/api/integrations").status());
    }

    /** A token of the development issuer with these raw claim values (JSON), valid for ten minutes. */
    private static String claims(String tenant, String groups, long issuedAt, Long notBefore) {
        return EngineClient.issuer().sign("{\"iss\":\"" + DevTokens.ISSUER + "\",\"sub\":\"mallory\",\"upn\":\"mallory\","
                + "\"tenant\":" + tenant + ",\"groups\":" + groups + ",\"iat\":" + issuedAt
                + (notBefore == null ? "" : ",\"nbf\":" + notBefore) + ",\"exp\":" + (Instant.now().getEpochSecond() + 600)
                + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\"}");
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentArePublic() {
        EngineClient anonymous = EngineClient.withToken("none", null);

        assertEquals(200, anonymous.get("/health/ready").status());
        assertEquals(200, anonymous.get("/metrics", "text/plain").status());
        assertEquals(200, anonymous.get("/openapi").status());
    }

}
