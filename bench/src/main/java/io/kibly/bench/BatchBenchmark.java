package io.kibly.bench;

import io.kibly.engine.serverconfig.KiblyEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kibly bench batch}: a 100,000-transaction FULL sync (run as the historical-import batch job) twice, by
 * the same engine build: first with the engine's rate budget and the sandbox both at Xero's real limits (60 calls
 * a minute, 5 concurrent), against the floor those limits set, counting the 429s received; then with both
 * lifted, for throughput. The script restarts the engine between the two phases (the budget is server
 * configuration); the second phase writes the report of both.
 *
 * <p>Arguments: {@code limits} or {@code lifted}, then optionally the size (default 100000).
 */
public final class BatchBenchmark {

    private static final String ORGANISATION_LIMITS = Benchmark.ORGANISATION_100K;
    private static final String ORGANISATION_LIFTED = Benchmark.ORGANISATION_1M;
    private static final int PER_MINUTE = 60;
    private static final int PAGE = 1000;

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        KiblyEnvironment environment = new KiblyEnvironment(Path.of(env.getOrDefault("KIBLY_HOME", ".kibly")),
                Integer.parseInt(env.getOrDefault("KIBLY_PORT_BASE", "8000")), env.getOrDefault("KIBLY_HEAP", "1g"), env);
        String phase = args.length > 0 ? args[0] : "limits";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path directory = Path.of(env.getOrDefault("KIBLY_HOME", ".kibly"), "bench");
        Files.createDirectories(directory);
        Path limitsFile = directory.resolve("batch-limits.json");
        String tenant = "bench-batch-" + Instant.now().getEpochSecond();
        Engine engine = new Engine(environment.httpUrl(), environment.devTokens().mint(tenant, "bench",
                List.of("ADMIN", "OPERATOR", "VIEWER"), Duration.ofHours(6))).awaitReady();
        String sandbox = environment.sandbox().url();
        if (phase.equals("limits")) {
            // Xero's real limits, which the sandbox enforces with 429s
            configure(sandbox, "{\"xeroLimits\":{\"perMinute\":60,\"perDay\":5000,\"concurrent\":5,"
                    + "\"appPerMinute\":10000},\"faultRate\":0,\"faults\":{\"serverErrorRate\":0,\"timeoutRate\":0,"
                    + "\"malformedRate\":0,\"slowRate\":0},\"transactionCounts\":{\"" + ORGANISATION_LIMITS + "\":"
                    + size + "}}");
            Map<String, Object> figures = run(engine, sandbox, ORGANISATION_LIMITS, size);
            long calls = (long) figures.get("providerCalls");
            // the limits allow 60 calls a minute: the floor is the time they need at that pace (≈ 100 s for 100)
            double floor = Math.ceil((double) size / PAGE) * 60.0 / PER_MINUTE;
            figures.put("floorSeconds", floor);
            figures.put("ratioToFloor", Math.round((double) figures.get("seconds") / floor * 1000) / 1000.0);
            figures.put("callsBeyondThePages", calls - (long) Math.ceil((double) size / PAGE));
            Files.writeString(limitsFile, Report.json(figures));
            System.out.println("At Xero's limits: " + figures);
            return;
        }
        configure(sandbox, "{\"xeroLimits\":{\"perMinute\":100000000,\"perDay\":100000000,\"concurrent\":1000,"
                + "\"appPerMinute\":100000000},\"faultRate\":0,\"faults\":{\"serverErrorRate\":0,\"timeoutRate\":0,"
                + "\"malformedRate\":0,\"slowRate\":0},\"transactionCounts\":{\"" + ORGANISATION_LIFTED + "\":" + size
                + "}}");
        Map<String, Object> lifted = run(engine, sandbox, ORGANISATION_LIFTED, size);
        JsonObject limits = Json.createReader(new StringReader(Files.readString(limitsFile))).readObject();
        StringBuilder md = new StringBuilder("# Batch import benchmark, ").append(Instant.now()).append("\n\n")
                .append(size).append(" transactions, a FULL sync run as the historical-import batch job (windows read")
                .append(" in parallel), the same engine build in both runs.\n\n")
                .append("| run | seconds | transactions/s | provider calls | 429s received | windows |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n")
                .append("| at Xero's limits (60/min, 5 concurrent; engine budget and sandbox) | ")
                .append(limits.get("seconds")).append(" | ").append(limits.get("transactionsPerSecond")).append(" | ")
                .append(limits.get("providerCalls")).append(" | ").append(limits.get("rateLimited")).append(" | ")
                .append(limits.get("windows")).append(" |\n")
                .append("| limits lifted | ").append(lifted.get("seconds")).append(" | ")
                .append(lifted.get("transactionsPerSecond")).append(" | ").append(lifted.get("providerCalls"))
                .append(" | ").append(lifted.get("rateLimited")).append(" | ").append(lifted.get("windows"))
                .append(" |\n\n");
        double ratio = limits.getJsonNumber("ratioToFloor").doubleValue();
        long rateLimited = limits.getJsonNumber("rateLimited").longValue();
        md.append("Floor at the limits: ").append(limits.get("floorSeconds")).append(" s (")
                .append(Math.ceil((double) size / PAGE)).append(" pages of ").append(PAGE).append(" at ")
                .append(PER_MINUTE).append(" calls a minute). The import took **").append(Math.round(ratio * 100))
                .append(" %** of the floor, with **").append(rateLimited).append(" × 429**.\n\n")
                .append("| target | figure | met |\n| --- | --- | --- |\n")
                .append("| within 10 % of the floor at the limits | ").append(limits.get("seconds")).append(" s for a ")
                .append(limits.get("floorSeconds")).append(" s floor | ").append(ratio <= 1.10 ? "met" : "**not met**")
                .append(" |\n| zero 429s at the limits | ").append(rateLimited).append(" | ")
                .append(rateLimited == 0 ? "met" : "**not met**").append(" |\n");
        String stamp = Instant.now().toString().replace(":", "").replace(".", "");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("limits", limits.toString());
        report.put("lifted", lifted);
        Files.writeString(directory.resolve("batch-" + stamp + ".md"), md);
        Files.writeString(directory.resolve("batch-" + stamp + ".json"), Report.json(report));
        System.out.println(md);
        System.out.println("Written to " + directory.resolve("batch-" + stamp + ".{md,json}"));
    }

    private static Map<String, Object> run(Engine engine, String sandbox, String organisation, int size) {
        String integration = engine.connectedXero("batch bench " + organisation, organisation);
        JsonObject before = stats(sandbox, organisation);
        long started = System.nanoTime();
        JsonObject job = engine.awaitJob(engine.startSync(integration, "FULL").getString("id"), Duration.ofHours(1),
                () -> { });
        double wall = (System.nanoTime() - started) / 1e9;
        if (!job.getString("status").equals("COMPLETED")) {
            throw new IllegalStateException("the import did not complete: " + job);
        }
        JsonObject after = stats(sandbox, organisation);
        Map<String, Object> figures = new LinkedHashMap<>();
        long imported = job.getJsonObject("counts").getJsonNumber("imported").longValue();
        figures.put("imported", imported);
        figures.put("seconds", Figures.round(wall));
        figures.put("transactionsPerSecond", Figures.round(imported / wall));
        figures.put("providerCalls", after.getJsonNumber("callsServed").longValue()
                - before.getJsonNumber("callsServed").longValue());
        figures.put("rateLimited", after.getJsonNumber("rateLimited").longValue()
                - before.getJsonNumber("rateLimited").longValue());
        figures.put("throttledSeenByEngine", job.getInt("throttled"));
        figures.put("windows", job.get("batch") instanceof JsonObject batch ? batch.getInt("windows") : 0);
        return figures;
    }

    private static JsonObject stats(String sandbox, String organisation) {
        JsonObject tenants = Http.ok(Http.send("GET", sandbox + "/sandbox/admin/stats", null, null), "stats").json()
                .getJsonObject("tenants");
        return tenants.containsKey(organisation) ? tenants.getJsonObject(organisation)
                : Json.createObjectBuilder().add("callsServed", 0).add("rateLimited", 0).build();
    }

    private static void configure(String sandbox, String settings) {
        Http.ok(Http.send("PUT", sandbox + "/sandbox/admin/config", null, settings), "sandbox settings");
        Http.ok(Http.send("POST", sandbox + "/sandbox/admin/reset", null, null), "sandbox reset");
    }

    private BatchBenchmark() {
    }
}
