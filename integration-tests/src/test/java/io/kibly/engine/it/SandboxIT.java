package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider sandbox as the engine meets it: real HTTP to the WAR on Payara Micro that the test environment
 * started. (Its logic is unit-tested in the sandbox module; this proves the wire.)
 */
class SandboxIT {

    static final String UK = "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a001";
    static final String CLIENT = "kibly-sandbox-client";
    static final String SECRET = "kibly-sandbox-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String sandbox = System.getProperty("kibly.it.sandboxUrl", "http://localhost:28090");

    /** Other test classes use the same sandbox organisations: every test starts from fresh windows and data. */
    @BeforeEach
    @AfterEach
    void forgetChanges() {
        send(post("/sandbox/admin/reset", "application/json", "{}"));
    }

    @Test
    void bankTransactionsComeInXerosEnvelopeAndShape() {
        HttpResponse<String> page = send(xero("/api.xro/2.0/BankTransactions?page=2&pageSize=50"));

        assertEquals(200, page.statusCode(), page.body());
        JsonObject body = json(page.body());
        assertEquals("OK", body.getString("Status"));
        JsonObject pagination = body.getJsonObject("pagination");
        assertEquals(2, pagination.getInt("page"));
        assertEquals(50, pagination.getInt("pageSize"));
        assertEquals(50, body.getJsonArray("BankTransactions").size());
        JsonObject first = body.getJsonArray("BankTransactions").getJsonObject(0);
        assertTrue(first.getString("Date").matches("/Date\\(\\d+\\+0000\\)/"), first.toString());
        assertTrue(first.getString("UpdatedDateUTC").startsWith("/Date("));
        assertTrue(first.containsKey("BankTransactionID") && first.containsKey("LineItems")
                && first.containsKey("CurrencyCode") && first.containsKey("Total"), first.toString());
        assertTrue(page.headers().firstValue("X-MinLimit-Remaining").isPresent());
        assertEquals(json(send(xero("/api.xro/2.0/BankTransactions?page=2&pageSize=50")).body())
                .getJsonArray("BankTransactions").getJsonObject(0), first, "the same data every time");

        HttpResponse<String> noTenant = send(HttpRequest.newBuilder(URI.create(sandbox + "/api.xro/2.0/BankTransactions"))
                .header("Accept", "application/json").GET());
        assertEquals(400, noTenant.statusCode());
        assertTrue(json(noTenant.body()).containsKey("ErrorNumber"), noTenant.body());
    }

    @Test
    void overTheMinuteLimitXeroAnswers429WithRetryAfter() {
        assertEquals(200, send(put("/sandbox/admin/config", "{\"xeroLimits\":{\"perMinute\":3}}")).statusCode());
        try {
            for (int call = 1; call <= 3; call++) {
                assertEquals(200, send(xero("/api.xro/2.0/BankTransactions?pageSize=1")).statusCode(), "call " + call);
            }
            HttpResponse<String> refused = send(xero("/api.xro/2.0/BankTransactions?pageSize=1"));

            assertEquals(429, refused.statusCode());
            assertEquals("minute", refused.headers().firstValue("X-Rate-Limit-Problem").orElse(""));
            int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("-1"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            JsonObject stats = json(send(get("/sandbox/admin/stats")).body());
            assertTrue(stats.toString().contains("\"rateLimited\":1"), stats.toString());
        } finally {
            send(put("/sandbox/admin/config", "{\"xeroLimits\":{\"perMinute\":60}}"));
        }
    }

    @Test
    void anAuthorisationCodeBecomesTokensThatRotateOnRefresh() {
        HttpResponse<String> authorize = send(get("/identity/connect/authorize?response_type=code&client_id=" + CLIENT
                + "&redirect_uri=" + encode("http://localhost/callback") + "&scope=" + encode("offline_access "
                + "accounting.transactions.read") + "&state=s-123"));
        assertEquals(302, authorize.statusCode(), authorize.body());
        Map<String, String> callback = query(authorize.headers().firstValue("Location").orElseThrow());
        assertEquals("s-123", callback.get("state"));

        JsonObject tokens = json(send(token("grant_type=authorization_code&code=" + callback.get("code")
                + "&redirect_uri=" + encode("http://localhost/callback"))).body());
        assertEquals(1800, tokens.getInt("expires_in"));
        HttpResponse<String> replay = send(token("grant_type=authorization_code&code=" + callback.get("code")
                + "&redirect_uri=" + encode("http://localhost/callback")));
        assertEquals(400, replay.statusCode(), "a code is single-use");

        JsonObject refreshed = json(send(token("grant_type=refresh_token&refresh_token="
                + tokens.getString("refresh_token"))).body());
        assertNotEquals(tokens.getString("refresh_token"), refreshed.getString("refresh_token"), "rotated");
        HttpResponse<String> connections = send(HttpRequest.newBuilder(URI.create(sandbox + "/connections"))
                .header("Authorization", "Bearer " + refreshed.getString("access_token")).GET());
        assertEquals(200, connections.statusCode());
        assertTrue(connections.body().contains(UK), connections.body());
    }

    @Test
    void quickBooksAnswersItsQueryLanguage() {
        String query = encode("SELECT * FROM Purchase STARTPOSITION 1 MAXRESULTS 10");
        HttpResponse<String> response = send(get("/v3/company/9341453050098765/query?query=" + query));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = json(response.body()).getJsonObject("QueryResponse");
        assertEquals(10, answer.getJsonArray("Purchase").size());
        assertEquals(1, answer.getInt("startPosition"));
    }

    @Test
    void anAdminChangeIsSeenByAnIncrementalRead() {
        String since = java.time.Instant.now().minusSeconds(1).toString().substring(0, 19);
        JsonObject any = json(send(xero("/api.xro/2.0/BankTransactions?pageSize=1")).body())
                .getJsonArray("BankTransactions").getJsonObject(0);

        HttpResponse<String> voided = send(post("/sandbox/admin/xero/" + UK + "/bank-transactions/"
                + any.getString("BankTransactionID") + "/void", "application/json", "{}"));
        assertTrue(voided.statusCode() < 300, voided.body());

        JsonObject changed = json(send(HttpRequest.newBuilder(URI.create(sandbox + "/api.xro/2.0/BankTransactions"))
                .header("xero-tenant-id", UK).header("If-Modified-Since", since).header("Accept", "application/json")
                .GET()).body());
        assertEquals(1, changed.getJsonArray("BankTransactions").size(), changed.toString());
        assertEquals("VOIDED", changed.getJsonArray("BankTransactions").getJsonObject(0).getString("Status"));
    }

    private HttpRequest.Builder xero(String path) {
        return get(path).header("xero-tenant-id", UK);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(sandbox + path)).header("Accept", "application/json").GET();
    }

    private HttpRequest.Builder post(String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(sandbox + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder put(String path, String json) {
        return HttpRequest.newBuilder(URI.create(sandbox + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder token(String form) {
        return post("/connect/token", "application/x-www-form-urlencoded", form).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.asJsonObject();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        return Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
