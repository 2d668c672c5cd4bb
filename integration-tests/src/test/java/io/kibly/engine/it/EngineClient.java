package io.kibly.engine.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import io.kibly.engine.serverconfig.DevTokens;
import java.util.UUID;

/**
 * Talks to the deployed engine over real HTTP as one user of one tenant, with a bearer token minted by the
 * development issuer that the test environment configured (all three roles unless told otherwise).
 */
final class EngineClient {

    static final List<String> ALL_ROLES = List.of("ADMIN", "OPERATOR", "VIEWER");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl = System.getProperty("kibly.it.baseUrl", "http://localhost:28080");
    private final String tenant;
    private final String token;

    private EngineClient(String tenant, String token) {
        this.tenant = tenant;
        this.token = token;
    }

    static DevTokens issuer() {
        return new DevTokens(Path.of(System.getProperty("kibly.it.jwtDirectory")));
    }

    /** A client for a tenant of its own, so that tests never see each other's data. */
    static EngineClient forNewTenant(String prefix) {
        return forTenant(newTenantId(prefix), ALL_ROLES);
    }

    static String newTenantId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static EngineClient forTenant(String tenant, List<String> roles) {
        return new EngineClient(tenant, issuer().mint(tenant, "it-user@" + tenant, roles, Duration.ofMinutes(30)));
    }

    /** A client presenting exactly this bearer token (or none, for null). */
    static EngineClient withToken(String tenant, String token) {
        return new EngineClient(tenant, token);
    }

    String tenant() {
        return tenant;
    }

    /** The bearer token this client presents (for a browser test that types it into the console). */
    String token() {
        return token;
    }

    EngineClient asTenant(String otherTenant) {
        return forTenant(otherTenant, ALL_ROLES);
    }

    EngineClient withRoles(String... roles) {
        return forTenant(tenant, List.of(roles));
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept).GET());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply registerIntegration(String provider, String name, String type) {
        return post("/api/integrations", Json.createObjectBuilder().add("provider", provider).add("name", name)
                .add("integrationType", type).build().toString());
    }

    /** {@code POST /api/sync-jobs} for the integration, with the given sync type and no other option. */
    Reply startSync(String integrationId, String syncType) {
        return post("/api/sync-jobs", Json.createObjectBuilder().add("integrationId", integrationId)
                .add("syncType", syncType).build().toString());
    }

    Reply send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        return send(request);
    }

    /** A streamed GET (Server-Sent Events): the response's lines as they arrive. */
    java.net.http.HttpResponse<java.util.stream.Stream<String>> stream(String path, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build();
        try {
            return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location"), response.headers().firstValue("WWW-Authenticate"),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, Optional<String> location, Optional<String> authenticate,
            String body) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                JsonStructure structure = reader.read();
                return structure.asJsonObject();
            }
        }

        jakarta.json.JsonArray jsonArray() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
