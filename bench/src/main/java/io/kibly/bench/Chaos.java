package io.kibly.bench;

import io.kibly.engine.serverconfig.DatabaseSettings;
import io.kibly.engine.serverconfig.KiblyEnvironment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code ./kibly chaos}: against the system the run command started, three imports each hit by a failure in the
 * middle: (a) Payara killed with {@code kill -9} and started again, (b) PostgreSQL restarted, (c) the provider
 * failing half of its calls for a minute. After each, the stored transactions are compared with the sandbox's:
 * the count, the sums per currency, and a hash over every id and version; what was lost or duplicated is
 * reported (the answer must be nothing), with how long recovery took. Report: {@code .kibly/bench/chaos-*.md|json}.
 */
public final class Chaos {

    private static final String ORGANISATION = Benchmark.ORGANISATION_100K;
    /** Above the batch threshold (50,000): the import runs as a batch job of parallel windows. */
    private static final int SIZE = 60_000;

    private final KiblyEnvironment environment;
    private final Engine engine;
    private final String sandbox;

    private Chaos(KiblyEnvironment environment, String tenant) {
        this.environment = environment;
        this.engine = new Engine(environment.httpUrl(), environment.devTokens().mint(tenant, "chaos",
                List.of("ADMIN", "OPERATOR", "VIEWER"), Duration.ofHours(6))).awaitReady();
        this.sandbox = environment.sandbox().url();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        KiblyEnvironment environment = new KiblyEnvironment(Path.of(env.getOrDefault("KIBLY_HOME", ".kibly")),
                Integer.parseInt(env.getOrDefault("KIBLY_PORT_BASE", "8000")), env.getOrDefault("KIBLY_HEAP", "1g"), env);
        Chaos chaos = new Chaos(environment, "chaos-" + Instant.now().getEpochSecond());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("payara kill -9 mid-import", chaos.experiment("FULL", job -> {
            environment.payara().kill();
            environment.startPayara();
        }));
        report.put("PostgreSQL restart mid-import", chaos.experiment("FULL", job -> {
            if (!environment.restartEmbeddedDatabase()) {
                throw new IllegalStateException("the database is external: not restarted");
            }
        }));
        report.put("50 % of provider calls failing for a minute", chaos.experiment("FULL", job -> {
            chaos.sandboxConfig("{\"faults\":{\"serverErrorRate\":0.5,\"slowRate\":0}}", false);
            Engine.sleep(60_000);
            chaos.sandboxConfig("{\"faults\":{\"serverErrorRate\":0,\"slowRate\":1.0,\"slowMillis\":150}}", false);
        }));
        chaos.write(report);
    }

    /** One import of {@link #SIZE} transactions, slowed so that the failure lands mid-way, then verified. */
    private Map<String, Object> experiment(String type, Consumer<String> failure) throws Exception {
        sandboxConfig("{\"xeroLimits\":{\"perMinute\":100000000,\"perDay\":100000000,\"concurrent\":1000,"
                + "\"appPerMinute\":100000000},\"faults\":{\"serverErrorRate\":0,\"timeoutRate\":0,\"malformedRate\":0,"
                + "\"slowRate\":1.0,\"slowMillis\":150},\"transactionCounts\":{\"" + ORGANISATION + "\":" + SIZE + "}}",
                true);
        String integration = engine.connectedXero("chaos " + Instant.now(), ORGANISATION);
        String jobId = engine.startSync(integration, type).getString("id");
        awaitImported(jobId, SIZE / 4);
        long started = System.nanoTime();
        String failureError = null;
        try {
            failure.accept(jobId);
        } catch (RuntimeException e) {
            failureError = e.getMessage();
        }
        JsonObject job = awaitFinal(jobId, Duration.ofMinutes(20));
        double recovery = (System.nanoTime() - started) / 1e9;
        sandboxConfig("{\"faults\":{\"serverErrorRate\":0,\"slowRate\":0}}", false);
        Map<String, Object> figures = verify(integration);
        figures.put("jobStatus", job.getString("status"));
        figures.put("imported", job.getJsonObject("counts").getJsonNumber("imported").longValue());
        figures.put("retries", job.getInt("retries"));
        figures.put("secondsFromFailureToCompletion", Figures.round(recovery));
        if (failureError != null) {
            figures.put("failureNotInjected", failureError);
        }
        System.out.println(figures);
        return figures;
    }

    /** The stored transactions against the sandbox's: count, sums per currency, a hash over ids and versions. */
    private Map<String, Object> verify(String integration) throws Exception {
        Map<String, String> truth = new TreeMap<>();
        Map<String, BigDecimal> truthSums = new TreeMap<>();
        for (int page = 1; ; page++) {
            JsonObject envelope = Http.ok(Http.send("GET", sandbox + "/api.xro/2.0/BankTransactions?pageSize=1000&page="
                    + page, null, null, "xero-tenant-id", ORGANISATION), "truth").json();
            var rows = envelope.getJsonArray("BankTransactions");
            for (JsonValue row : rows) {
                JsonObject t = row.asJsonObject();
                long version = Long.parseLong(t.getString("UpdatedDateUTC").replaceAll("\\D*(\\d+).*", "$1"));
                truth.put(t.getString("BankTransactionID"), String.valueOf(version));
                if (t.getString("Status").equals("AUTHORISED")) {
                    truthSums.merge(t.getString("CurrencyCode"), t.getJsonNumber("Total").bigDecimalValue(),
                            BigDecimal::add);
                }
            }
            if (rows.size() < 1000) {
                break;
            }
        }
        Map<String, String> stored = new TreeMap<>();
        Map<String, BigDecimal> storedSums = new TreeMap<>();
        long rowCount;
        try (Connection db = database(); PreparedStatement select = db.prepareStatement("select provider_id,"
                + " provider_version, status, currency, total from engine.ledger_transaction where integration_id = ?::uuid")) {
            select.setString(1, integration);
            try (ResultSet r = select.executeQuery()) {
                long rows = 0;
                while (r.next()) {
                    rows++;
                    stored.put(r.getString(1), String.valueOf(r.getLong(2)));
                    if (r.getString(3).equals("ACTIVE")) {
                        storedSums.merge(r.getString(4), r.getBigDecimal(5), BigDecimal::add);
                    }
                }
                rowCount = rows;
            }
        }
        long lost = truth.keySet().stream().filter(id -> !stored.containsKey(id)).count();
        long extra = stored.keySet().stream().filter(id -> !truth.containsKey(id)).count();
        long staleVersions = truth.entrySet().stream()
                .filter(e -> stored.containsKey(e.getKey()) && !stored.get(e.getKey()).equals(e.getValue())).count();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("providerCount", truth.size());
        figures.put("storedCount", rowCount);
        figures.put("lost", lost);
        figures.put("duplicatedOrUnknown", rowCount - stored.size() + extra);
        figures.put("staleVersions", staleVersions);
        figures.put("sumsPerCurrencyEqual", compare(truthSums, storedSums));
        figures.put("idVersionHashEqual", hash(truth).equals(hash(stored)));
        figures.put("idVersionHash", hash(stored).substring(0, 16));
        return figures;
    }

    private static boolean compare(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.keySet().stream().allMatch(k -> a.get(k).compareTo(b.get(k)) == 0);
    }

    private static String hash(Map<String, String> idsAndVersions) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        idsAndVersions.forEach((id, version) -> digest.update((id + ":" + version + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private void awaitImported(String jobId, long count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonObject job = Http.ok(engine.call("GET", "/api/sync-jobs/" + jobId, null), "job").json();
                if (job.getJsonObject("counts").getJsonNumber("imported").longValue() >= count
                        || job.getString("status").matches("COMPLETED|FAILED|CANCELLED")) {
                    return;
                }
            } catch (RuntimeException e) {
                // the engine is away (restarting): ask again
            }
            Engine.sleep(250);
        }
        throw new IllegalStateException("the import did not reach " + count + " in time");
    }

    /** Polls until the job is final, riding out the engine being away (a restart) meanwhile. */
    private JsonObject awaitFinal(String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Http.Reply reply = engine.call("GET", "/api/sync-jobs/" + jobId, null);
                if (reply.status() == 200 && reply.body().startsWith("{")) {
                    JsonObject job = reply.json();
                    if (job.getString("status").matches("COMPLETED|FAILED|CANCELLED")) {
                        return job;
                    }
                }
            } catch (RuntimeException e) {
                // the engine is restarting
            }
            Engine.sleep(500);
        }
        throw new IllegalStateException("job " + jobId + " not final within " + timeout);
    }

    private void sandboxConfig(String settings, boolean reset) {
        Http.ok(Http.send("PUT", sandbox + "/sandbox/admin/config", null, settings), "sandbox settings");
        if (reset) {
            Http.ok(Http.send("POST", sandbox + "/sandbox/admin/reset", null, null), "sandbox reset");
        }
    }

    private Connection database() throws Exception {
        DatabaseSettings settings = environment.database();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    @SuppressWarnings("unchecked")
    private void write(Map<String, Object> report) throws Exception {
        StringBuilder md = new StringBuilder("# Chaos, ").append(Instant.now()).append("\n\n")
                .append("Each experiment: a FULL sync of ").append(SIZE).append(" transactions (a batch import),"
                        + " the failure injected once a quarter is stored, then the stored data checked against the"
                        + " provider's.\n\n| experiment | job | lost | duplicated | stale versions | sums equal |"
                        + " id+version hash equal | failure → completed |\n| --- | --- | ---: | ---: | ---: | --- | --- | ---: |\n");
        boolean clean = true;
        for (Map.Entry<String, Object> e : report.entrySet()) {
            Map<String, Object> f = (Map<String, Object>) e.getValue();
            md.append("| ").append(e.getKey()).append(" | ").append(f.get("jobStatus")).append(" | ")
                    .append(f.get("lost")).append(" | ").append(f.get("duplicatedOrUnknown")).append(" | ")
                    .append(f.get("staleVersions")).append(" | ").append(f.get("sumsPerCurrencyEqual")).append(" | ")
                    .append(f.get("idVersionHashEqual")).append(" | ").append(f.get("secondsFromFailureToCompletion"))
                    .append(" s |\n");
            clean &= "COMPLETED".equals(f.get("jobStatus")) && ((Number) f.get("lost")).longValue() == 0
                    && ((Number) f.get("duplicatedOrUnknown")).longValue() == 0
                    && Boolean.TRUE.equals(f.get("idVersionHashEqual")) && !f.containsKey("failureNotInjected");
        }
        md.append("\nTarget (zero lost, zero duplicated, every job finished): **").append(clean ? "met" : "not met")
                .append("**.\n");
        Path directory = Path.of(System.getenv().getOrDefault("KIBLY_HOME", ".kibly"), "bench");
        Files.createDirectories(directory);
        String stamp = Instant.now().toString().replace(":", "").replace(".", "");
        Files.writeString(directory.resolve("chaos-" + stamp + ".md"), md);
        Files.writeString(directory.resolve("chaos-" + stamp + ".json"), Report.json(report));
        System.out.println(md);
        System.out.println("Written to " + directory.resolve("chaos-" + stamp + ".{md,json}"));
    }
}
