package io.kibly.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The engine's public API as one tenant's operator uses it, and the sandbox's consent screen as a browser. */
final class Engine {

    final String baseUrl;
    final String token;

    Engine(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Http.Reply call(String method, String path, String json, String... headers) {
        return Http.send(method, baseUrl + path, token, json, headers);
    }

    /**
     * Waits until the API answers: after a server restart, the port and readiness answer before the application
     * is loaded again.
     */
    Engine awaitReady() {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Http.Reply reply = call("GET", "/api/integrations?limit=1", null);
                if (reply.status() == 200 && reply.body().startsWith("{")) {
                    return this;
                }
            } catch (RuntimeException e) {
                // not up yet
            }
            sleep(500);
        }
        throw new IllegalStateException("the API did not answer within 3 minutes at " + baseUrl);
    }

    /** Registers a Xero integration and connects it to {@code organisation} through the OAuth flow. */
    String connectedXero(String name, String organisation) {
        String id = Http.ok(call("POST", "/api/integrations", "{\"provider\":\"xero\",\"name\":\"" + name
                + "\",\"integrationType\":\"accounting\"}"), "register").json().getString("id");
        String redirect = baseUrl + "/admin/oauth-callback.html";
        String authUrl = Http.ok(call("GET", "/api/integrations/" + id + "/auth-url?redirectUri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8), null), "auth-url").json().getString("authUrl");
        Http.Reply consent = Http.send("GET", authUrl, null, null);
        String location = consent.response().headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("the sandbox did not redirect: " + consent.status()));
        Map<String, String> callback = Http.query(location);
        Http.ok(call("POST", "/api/integrations/oauth/callback", Json.createObjectBuilder()
                .add("code", callback.get("code")).add("state", callback.get("state")).build().toString()), "callback");
        Http.ok(call("PUT", "/api/integrations/" + id + "/organisation", "{\"tenantId\":\"" + organisation + "\"}"),
                "organisation");
        return id;
    }

    JsonObject startSync(String integration, String type) {
        return Http.ok(call("POST", "/api/sync-jobs", "{\"integrationId\":\"" + integration + "\",\"syncType\":\""
                + type + "\"}"), "start sync").json();
    }

    /** Polls the job until it is final; {@code onPoll} sees every state (for sampling). */
    JsonObject awaitJob(String jobId, Duration timeout, Runnable onPoll) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonObject job = Http.ok(call("GET", "/api/sync-jobs/" + jobId, null), "job").json();
            onPoll.run();
            if (job.getString("status").matches("COMPLETED|FAILED|CANCELLED")) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("job " + jobId + " not finished within " + timeout + ": " + job);
            }
            sleep(250);
        }
    }

    /** Waits until enrichment has reached every transaction of the tenant (the engine is quiet again). */
    void awaitEnriched(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            long pending = 0;
            String body = Http.ok(call("GET", "/api/transactions/summary/base-currency", null), "base-currency").body();
            for (JsonObject total : Json.createReader(new java.io.StringReader(body)).readArray()
                    .getValuesAs(JsonObject.class)) {
                pending += total.getJsonNumber("notEnrichedYet").longValue();
            }
            if (pending == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(pending + " transactions not enriched within " + timeout);
            }
            sleep(500);
        }
    }

    /** Seconds between the job's creation and its end, by the server's clock. */
    static double seconds(JsonObject job) {
        return Duration.between(Instant.parse(job.getString("createdAt")), Instant.parse(job.getString("finishedAt")))
                .toMillis() / 1000.0;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
