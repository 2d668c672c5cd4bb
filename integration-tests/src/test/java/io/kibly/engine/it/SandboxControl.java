package io.kibly.engine.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The tests' hand on the provider sandbox: its admin API (reset, settings, data changes, call counts) and the
 * provider's truth to compare the engine's data with (read straight from the sandbox's API).
 */
final class SandboxControl {

    static final String UK = SandboxIT.UK;
    static final String REALM = "9341453050098765";
    /** The sandbox's Xero organisations in the tests: the two demo ones (UK, NZ) and one per sync test. */
    static final java.util.List<String> ORGANISATIONS = java.util.stream.IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a%03d", i)).toList();

    /** The organisation number {@code n} (1: UK, 2: NZ). */
    static String organisation(int n) {
        return ORGANISATIONS.get(n - 1);
    }
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Read at each call, not once: this class may load (a test's static field naming {@link #UK}, say) before the
     * test environment has set the property, and a constant then kept the default port base's sandbox, which with
     * another {@code kibly.it.portBase} is not there (ConnectException).
     */
    private static String sandbox() {
        return System.getProperty("kibly.it.sandboxUrl", "http://localhost:28090");
    }

    private SandboxControl() {
    }

    /** Forgets counters, rate windows and data changes, and restores the default settings. */
    static void reset() {
        send("POST", "/sandbox/admin/reset", null);
        configure("{\"faults\":{\"serverErrorRate\":0,\"timeoutRate\":0,\"malformedRate\":0,\"slowRate\":0},"
                + "\"faultRate\":0,\"xeroLimits\":{\"perMinute\":60,\"perDay\":5000,\"concurrent\":5,"
                + "\"minuteWindowSeconds\":60}}");
    }

    static JsonObject configure(String partialSettings) {
        return json(send("PUT", "/sandbox/admin/config", partialSettings));
    }

    /** The counters of one Xero organisation (or {@code qbo:<realm>}): callsServed, rateLimited, faultsInjected. */
    static JsonObject stats(String tenant) {
        JsonObject stats = json(send("GET", "/sandbox/admin/stats", null));
        JsonValue tenants = stats.containsKey("tenants") ? stats.get("tenants") : stats;
        JsonObject counters = tenants.asJsonObject().getJsonObject(tenant);
        return counters == null ? Json.createObjectBuilder().add("callsServed", 0).add("rateLimited", 0)
                .add("faultsInjected", 0).build() : counters;
    }

    static long callsServed(String tenant) {
        return stats(tenant).getJsonNumber("callsServed").longValue();
    }

    /** What the organisation holds now, by BankTransactionID: "STATUS total CURRENCY" (read with limits lifted). */
    static Map<String, String> xeroTruth(String organisation) {
        Map<String, String> truth = new HashMap<>();
        for (int page = 1; ; page++) {
            JsonObject envelope = json(send("GET", "/api.xro/2.0/BankTransactions?pageSize=1000&page=" + page, null,
                    "xero-tenant-id", organisation));
            var rows = envelope.getJsonArray("BankTransactions");
            rows.forEach(row -> {
                JsonObject t = row.asJsonObject();
                String status = t.getString("Status").equals("AUTHORISED") ? "ACTIVE" : t.getString("Status");
                truth.put(t.getString("BankTransactionID"), status + " "
                        + t.getJsonNumber("Total").bigDecimalValue().stripTrailingZeros().toPlainString() + " "
                        + t.getString("CurrencyCode"));
            });
            if (rows.size() < 1000) {
                return truth;
            }
        }
    }

    static JsonObject xeroTransaction(String organisation, String id) {
        return json(send("GET", "/api.xro/2.0/BankTransactions/" + id, null, "xero-tenant-id", organisation))
                .getJsonArray("BankTransactions").getJsonObject(0);
    }

    static JsonObject xeroChange(String method, String organisation, String path, String json) {
        String body = send(method, "/sandbox/admin/xero/" + organisation + "/bank-transactions" + path, json);
        return body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : json(body);
    }

    /** A change to the QuickBooks realm's data through the sandbox's admin API ({@code /purchases/5}, ...). */
    static String quickbooksChange(String method, String path, String json) {
        return send(method, "/sandbox/admin/quickbooks/" + REALM + path, json);
    }

    /**
     * Has the sandbox deliver a webhook to the engine, signed as the provider signs ({@code provider}: xero or
     * quickbooks); answers the sandbox's report of the deliveries.
     */
    static JsonObject deliverWebhook(String provider, String request) {
        return json(send("POST", "/sandbox/admin/webhooks/" + provider, request));
    }

    /** The engine's copy, by provider id, in the same form as {@link #xeroTruth}. */
    static Map<String, String> stored(String integrationId) {
        Map<String, String> stored = new HashMap<>();
        try (var connection = Database.connect();
             var query = connection.prepareStatement("select provider_id, status, total, currency"
                     + " from engine.ledger_transaction where integration_id = ?::uuid")) {
            query.setString(1, integrationId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getString(2) + " "
                            + rows.getBigDecimal(3).stripTrailingZeros().toPlainString() + " " + rows.getString(4));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return stored;
    }

    /** Per currency, the sum of the totals of ACTIVE transactions, from a map in {@link #xeroTruth}'s form. */
    static Map<String, BigDecimal> activeSums(Map<String, String> transactions) {
        Map<String, BigDecimal> sums = new HashMap<>();
        transactions.values().stream().map(v -> v.split(" ")).filter(v -> v[0].equals("ACTIVE"))
                .forEach(v -> sums.merge(v[2], new BigDecimal(v[1]), BigDecimal::add));
        sums.replaceAll((currency, sum) -> sum.stripTrailingZeros());
        return sums;
    }

    private static String send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
