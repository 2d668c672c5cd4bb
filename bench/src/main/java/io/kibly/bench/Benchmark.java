package io.kibly.bench;

import io.kibly.engine.serverconfig.DatabaseSettings;
import io.kibly.engine.serverconfig.KiblyEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code ./kibly bench}: measures the running system through its public API (as the enterprise portal would) with
 * the sandbox's limits lifted, and the PostgreSQL COPY ceiling in the same run. Prints a markdown report and
 * writes it with a JSON twin under {@code .kibly/bench/}.
 *
 * <p>Arguments (optional): the sizes of the two full syncs, default {@code 100000 1000000}.
 */
public final class Benchmark {

    static final String ORGANISATION_100K = "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a001";
    static final String ORGANISATION_1M = "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a002";
    static final String SMALL_ORGANISATION = "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a003";
    private static final String COLUMNS = "tenant_id, integration_id, provider_id, provider_version,"
            + " provider_updated_at, txn_type, direction, status, txn_date, total, currency, currency_rate, description,"
            + " reference, contact_id, contact_name, account_id, account_name, reconciled, provider_account_code,"
            + " first_job_id, last_job_id,"
            + " imported_at, changed_at";

    /** The sandbox's settings with every limit and fault off (an unclosed JSON object, to add to). */
    private static final String LIFTED_LIMITS = "{\"xeroLimits\":{\"perMinute\":100000000,\"perDay\":100000000,"
            + "\"concurrent\":1000,\"appPerMinute\":100000000},\"faultRate\":0,\"faults\":{\"serverErrorRate\":0,"
            + "\"timeoutRate\":0,\"malformedRate\":0,\"slowRate\":0}";

    private final Map<String, Object> report = new LinkedHashMap<>();
    private final StringBuilder markdown = new StringBuilder();
    private final KiblyEnvironment environment;
    private final Engine engine;
    private final String tenant;
    private final String sandbox;

    private Benchmark(KiblyEnvironment environment) {
        this.environment = environment;
        this.tenant = "bench-" + Instant.now().getEpochSecond();
        this.engine = new Engine(environment.httpUrl(), environment.devTokens().mint(tenant, "bench",
                List.of("ADMIN", "OPERATOR", "VIEWER"), Duration.ofHours(12))).awaitReady();
        this.sandbox = environment.sandbox().url();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        KiblyEnvironment environment = new KiblyEnvironment(Path.of(env.getOrDefault("KIBLY_HOME", ".kibly")),
                Integer.parseInt(env.getOrDefault("KIBLY_PORT_BASE", "8000")), env.getOrDefault("KIBLY_HEAP", "1g"), env);
        if (args.length > 0 && args[0].equals("trigger")) {
            // only the trigger latency (quick to repeat while tuning the request path)
            Benchmark benchmark = new Benchmark(environment);
            benchmark.sandboxConfig(LIFTED_LIMITS + "}");
            System.out.println(Report.json(benchmark.triggerLatency(50)));
            return;
        }
        if (args.length > 1 && args[0].equals("import")) {
            // only one full sync of args[1] transactions (quick to repeat while tuning the import path)
            Benchmark benchmark = new Benchmark(environment);
            benchmark.sandboxConfig(LIFTED_LIMITS + ",\"transactionCounts\":{\"" + ORGANISATION_100K + "\":"
                    + Integer.parseInt(args[1]) + "}}");
            System.out.println(Report.json(benchmark.fullSync(benchmark.engine.connectedXero("bench import",
                    ORGANISATION_100K))));
            return;
        }
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        new Benchmark(environment).run(small, large);
    }

    private void run(int small, int large) throws Exception {
        Instant started = Instant.now();
        sandboxConfig(LIFTED_LIMITS + ",\"transactionCounts\":{\"" + ORGANISATION_100K + "\":" + small + ",\""
                + ORGANISATION_1M + "\":" + large + "}}");
        markdown.append("# Kibly benchmark, ").append(started).append("\n\nTenant `").append(tenant)
                .append("`; sandbox limits lifted; the engine started by `./kibly bench` (rate budget lifted).\n\n");

        String smallIntegration = engine.connectedXero("bench " + small, ORGANISATION_100K);
        report.put("fullSync" + small, fullSync(smallIntegration));

        report.put("enrichment", new EnrichmentBenchmark(engine, () -> {
            try {
                return database();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, tenant).measure(smallIntegration));

        Map<String, Object> incremental = incremental(smallIntegration, 2_000);
        report.put("incrementalSync", incremental);

        String largeIntegration = engine.connectedXero("bench " + large, ORGANISATION_1M);
        Map<String, Object> fullLarge;
        try (ServerSampler sampler = new ServerSampler(environment.payara().pid(), environment.httpUrl())) {
            fullLarge = fullSync(largeIntegration);
            sampler.sample();
            fullLarge.put("peakRssMb", sampler.peakRssBytes / 1_048_576);
            fullLarge.put("peakHeapMb", sampler.peakHeapBytes / 1_048_576);
        }
        report.put("fullSync" + large, fullLarge);

        Map<String, Object> ceiling = copyCeiling(largeIntegration);
        report.put("copyCeiling", ceiling);
        double ratio = (double) fullLarge.get("transactionsPerSecond") / (double) ceiling.get("rowsPerSecond");
        report.put("endToEndToCopyRatio", Figures.round(ratio * 100) / 100);

        report.put("triggerLatency", triggerLatency(50));
        // reads are measured on a quiet engine: the triggered syncs' enrichment done
        engine.awaitEnriched(Duration.ofMinutes(10));
        report.put("readLatency", readLatency(largeIntegration));
        write(started, small, large);
    }

    /** A FULL sync of the integration, its throughput, and the CPU each process used meanwhile. */
    private Map<String, Object> fullSync(String integration) {
        CpuSplit cpu = new CpuSplit(environment.payara().pid()).start();
        JsonObject job = engine.awaitJob(engine.startSync(integration, "FULL").getString("id"), Duration.ofHours(2),
                () -> { });
        Map<String, Object> figures = throughput(job);
        figures.putAll(cpu.stop(Engine.seconds(job)));
        return figures;
    }

    private Map<String, Object> throughput(JsonObject job) {
        if (!job.getString("status").equals("COMPLETED")) {
            throw new IllegalStateException("the sync did not complete: " + job);
        }
        double seconds = Engine.seconds(job);
        long processed = job.getJsonObject("progress").getJsonNumber("processed").longValue();
        long imported = job.getJsonObject("counts").getJsonNumber("imported").longValue();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("imported", imported);
        figures.put("processed", processed);
        figures.put("pages", job.getJsonObject("progress").getInt("pagesFetched"));
        figures.put("seconds", Figures.round(seconds));
        figures.put("transactionsPerSecond", Figures.round(imported / seconds));
        return figures;
    }

    /** Edits {@code edits} transactions at the provider, then measures the incremental sync that picks them up. */
    private Map<String, Object> incremental(String integration, int edits) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("select provider_id from"
                + " engine.ledger_transaction where integration_id = ?::uuid and status = 'ACTIVE' order by provider_id"
                + " limit ?")) {
            query.setString(1, integration);
            query.setInt(2, edits);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> changes = new ArrayList<>();
        for (String id : ids) {
            changes.add(pool.submit(() -> {
                JsonObject transaction = Http.ok(Http.send("GET", sandbox + "/api.xro/2.0/BankTransactions/" + id, null,
                        null, "xero-tenant-id", ORGANISATION_100K), "read").json().getJsonArray("BankTransactions")
                        .getJsonObject(0);
                Http.ok(Http.send("PUT", sandbox + "/sandbox/admin/xero/" + ORGANISATION_100K + "/bank-transactions/"
                        + id, null, Json.createObjectBuilder(transaction).add("Reference", "bench edit").build()
                        .toString()), "edit");
            }));
        }
        for (Future<?> change : changes) {
            change.get();
        }
        pool.shutdown();
        JsonObject job = engine.awaitJob(engine.startSync(integration, "INCREMENTAL").getString("id"),
                Duration.ofMinutes(30), () -> { });
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("providerEdits", ids.size());
        figures.put("updated", job.getJsonObject("counts").getJsonNumber("updated").longValue());
        figures.put("processed", job.getJsonObject("progress").getJsonNumber("processed").longValue());
        double seconds = Engine.seconds(job);
        figures.put("seconds", Figures.round(seconds));
        figures.put("transactionsPerSecond", Figures.round(ids.size() / seconds));
        return figures;
    }

    /** The same rows, COPY'd (binary) into the same table under another integration: the database's ceiling. */
    private Map<String, Object> copyCeiling(String sourceIntegration) throws Exception {
        try (Connection db = database()) {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            UUID target = UUID.randomUUID();
            try (Statement statement = db.createStatement()) {
                statement.execute("insert into engine.integration (id, tenant_id, provider, integration_type, name,"
                        + " status, created_at, version, sync_interval_minutes) values ('" + target + "', '" + tenant
                        + "', 'XERO', 'ACCOUNTING', 'bench copy ceiling', 'PENDING_AUTH', now(), 0, 0)");
            }
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            long count = copy.copyOut("COPY (SELECT " + COLUMNS.replace("integration_id", "'" + target + "'::uuid")
                    + " FROM engine.ledger_transaction WHERE integration_id = '" + sourceIntegration
                    + "') TO STDOUT (FORMAT binary)", rows);
            long started = System.nanoTime();
            long copied = copy.copyIn("COPY engine.ledger_transaction (" + COLUMNS + ") FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(rows.toByteArray()));
            double seconds = (System.nanoTime() - started) / 1e9;
            try (Statement statement = db.createStatement()) {
                statement.execute("delete from engine.ledger_transaction where integration_id = '" + target + "'");
                statement.execute("delete from engine.integration where id = '" + target + "'");
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("rows", copied);
            figures.put("readBack", count);
            figures.put("seconds", Figures.round(seconds));
            figures.put("rowsPerSecond", Figures.round(copied / seconds));
            return figures;
        }
    }

    /** POST /api/sync-jobs from 1, 10 and 50 concurrent clients, each on its own integration. */
    private Map<String, Object> triggerLatency(int integrations) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < integrations; i++) {
            ids.add(engine.connectedXero("bench trigger " + i, SMALL_ORGANISATION));
        }
        // Each integration is imported once first, and the engine left to finish its work (enrichment too): a
        // trigger then starts an incremental sync of an up-to-date integration, as an operator's would, and the
        // figures measure the trigger rather than the imports that 50 first syncs would run alongside it.
        List<String> firstSyncs = new ArrayList<>();
        for (String integration : ids) {
            firstSyncs.add(engine.startSync(integration, "FULL").getString("id"));
        }
        for (String job : firstSyncs) {
            engine.awaitJob(job, Duration.ofMinutes(10), () -> { });
        }
        engine.awaitEnriched(Duration.ofMinutes(10));
        Map<String, Object> levels = new LinkedHashMap<>();
        for (int clients : new int[] {1, 10, 50}) {
            AtomicInteger created = new AtomicInteger();
            Map<String, Object> summary = concurrently(clients, client -> {
                Http.Reply reply = Http.ok(engine.call("POST", "/api/sync-jobs", "{\"integrationId\":\""
                        + ids.get(client) + "\",\"syncType\":\"INCREMENTAL\"}"), "trigger");
                if (reply.status() == 202) {
                    created.incrementAndGet();
                }
            });
            summary.put("jobsCreated", created.get());
            // the floor at the same concurrency: the cheapest authenticated call (one row read, no transaction)
            Map<String, Object> floor = concurrently(clients, client -> Http.ok(engine.call("GET",
                    "/api/integrations/" + ids.get(client), null), "read integration"));
            summary.put("floorP50Ms", floor.get("p50Ms"));
            summary.put("floorP99Ms", floor.get("p99Ms"));
            levels.put(clients + " clients", summary);
        }
        return levels;
    }

    /** {@code clients} threads each calling {@code call} (with its client number) max(4, 200 / clients) times. */
    private static Map<String, Object> concurrently(int clients, java.util.function.IntConsumer call)
            throws Exception {
        Figures figures = new Figures();
        int perClient = Math.max(4, 200 / clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            runs.add(pool.submit(() -> {
                for (int r = 0; r < perClient; r++) {
                    long start = System.nanoTime();
                    call.accept(client);
                    figures.add((System.nanoTime() - start) / 1e6);
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        return figures.summary();
    }

    private Map<String, Object> readLatency(String largeIntegration) {
        Map<String, Object> endpoints = new LinkedHashMap<>();
        for (String path : List.of("/api/transactions/summary?integrationId=" + largeIntegration,
                "/api/transactions/summary", "/api/sync-jobs/statistics",
                "/api/transactions?limit=100&integrationId=" + largeIntegration)) {
            Figures figures = new Figures();
            for (int i = 0; i < 25; i++) {
                long start = System.nanoTime();
                Http.ok(engine.call("GET", path, null), path);
                figures.add((System.nanoTime() - start) / 1e6);
            }
            endpoints.put(path.replace(largeIntegration, "{1M integration}"), figures.summary());
        }
        try (Connection db = database(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from engine.ledger_transaction"
                        + " where tenant_id = '" + tenant + "'")) {
            rows.next();
            endpoints.put("rowsOfTheTenant", rows.getLong(1));
        } catch (Exception e) {
            endpoints.put("rowsOfTheTenant", "unknown: " + e.getMessage());
        }
        return endpoints;
    }

    private void sandboxConfig(String settings) {
        Http.ok(Http.send("PUT", sandbox + "/sandbox/admin/config", null, settings), "sandbox settings");
        Http.ok(Http.send("POST", sandbox + "/sandbox/admin/reset", null, null), "sandbox reset");
    }

    private Connection database() throws Exception {
        DatabaseSettings settings = environment.database();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private void write(Instant started, int small, int large) throws Exception {
        Report.render(report, markdown, small, large);
        Path directory = Path.of(System.getenv().getOrDefault("KIBLY_HOME", ".kibly"), "bench");
        Files.createDirectories(directory);
        String stamp = started.toString().replace(":", "").replace(".", "");
        Files.writeString(directory.resolve("report-" + stamp + ".md"), markdown);
        Files.writeString(directory.resolve("report-" + stamp + ".json"), Report.json(report));
        System.out.println(markdown);
        System.out.println("Written to " + directory.resolve("report-" + stamp + ".{md,json}"));
    }
}
