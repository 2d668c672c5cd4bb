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
import java.util.Optional;
import java.util.UUID;

/** Talks to the deployed engine over real HTTP, as one tenant. */
final class EngineClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl = System.getProperty("kibly.it.baseUrl", "http://localhost:28080");
    private final String tenant;

    private EngineClient(String tenant) {
        this.tenant = tenant;
    }

    /** A client for a tenant of its own, so that tests never see each other's data. */
    static EngineClient forNewTenant(String prefix) {
        return new EngineClient(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    String tenant() {
        return tenant;
    }

    EngineClient asTenant(String otherTenant) {
        return new EngineClient(otherTenant);
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

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("X-Kibly-Tenant", tenant).header("Accept", "application/json, application/problem+json");
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location"), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, Optional<String> location, String body) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                JsonStructure structure = reader.read();
                return structure.asJsonObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
