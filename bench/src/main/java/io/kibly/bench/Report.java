package io.kibly.bench;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** The report: figures with the targets they are held to, as markdown, and the same figures as JSON. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static void render(Map<String, Object> report, StringBuilder md, int small, int large) {
        Map<String, Object> fullSmall = (Map<String, Object>) report.get("fullSync" + small);
        Map<String, Object> fullLarge = (Map<String, Object>) report.get("fullSync" + large);
        Map<String, Object> incremental = (Map<String, Object>) report.get("incrementalSync");
        Map<String, Object> ceiling = (Map<String, Object>) report.get("copyCeiling");
        double ratio = (double) report.get("endToEndToCopyRatio");
        md.append("## Import throughput (end to end: API → JMS → provider → PostgreSQL)\n\n")
                .append("| run | transactions | pages | seconds | transactions/s | CPU s: Payara / PostgreSQL / sandbox"
                        + " |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        row(md, "full sync " + small, fullSmall);
        row(md, "full sync " + large, fullLarge);
        md.append("| incremental (").append(incremental.get("providerEdits")).append(" edits) | ")
                .append(incremental.get("updated")).append(" updated of ").append(incremental.get("processed"))
                .append(" read | | ").append(incremental.get("seconds")).append(" | ")
                .append(incremental.get("transactionsPerSecond")).append(" | |\n");
        md.append("| **ceiling**: COPY (binary) of the same ").append(ceiling.get("rows")).append(" rows into the same"
                + " table | ").append(ceiling.get("rows")).append(" | | ").append(ceiling.get("seconds")).append(" | ")
                .append(ceiling.get("rowsPerSecond")).append(" | |\n\n");
        md.append("The CPU columns: seconds of CPU each process used during the run, on the machine's ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores (the sandbox plays the provider on"
                        + " the same cores).\n\n");
        double largeRate = (double) fullLarge.get("transactionsPerSecond");
        md.append("End to end / ceiling: **").append(Math.round(ratio * 100)).append(" %**.\n\n");

        md.append("## Trigger latency (`POST /api/sync-jobs`)\n\nEach of the 50 integrations was imported once before,"
                + " so a trigger starts an incremental sync that finds nothing new (one provider call). The floor is"
                + " the cheapest authenticated call at the same concurrency (`GET /api/integrations/{id}`).\n\n"
                + "| clients | requests | jobs created | p50 ms | p95 ms | p99 ms | floor p50 ms | floor p99 ms |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        Map<String, Object> triggers = (Map<String, Object>) report.get("triggerLatency");
        triggers.forEach((clients, value) -> {
            Map<String, Object> f = (Map<String, Object>) value;
            md.append("| ").append(clients.replace(" clients", "")).append(" | ").append(f.get("requests"))
                    .append(" | ").append(f.get("jobsCreated")).append(" | ").append(f.get("p50Ms")).append(" | ")
                    .append(f.get("p95Ms")).append(" | ").append(f.get("p99Ms")).append(" | ")
                    .append(f.get("floorP50Ms")).append(" | ").append(f.get("floorP99Ms")).append(" |\n");
        });
        Map<String, Object> reads = (Map<String, Object>) report.get("readLatency");
        md.append("\n## Read latency (").append(reads.get("rowsOfTheTenant")).append(" rows in the tenant)\n\n"
                + "| endpoint | p50 ms | p95 ms |\n| --- | ---: | ---: |\n");
        reads.forEach((path, value) -> {
            if (value instanceof Map<?, ?> f) {
                md.append("| `").append(path).append("` | ").append(f.get("p50Ms")).append(" | ").append(f.get("p95Ms"))
                        .append(" |\n");
            }
        });
        md.append("\n## Memory during the ").append(large).append(" import\n\nPeak RSS ")
                .append(fullLarge.get("peakRssMb")).append(" MB, peak used heap ").append(fullLarge.get("peakHeapMb"))
                .append(" MB (sampled every 0.5 s; heap limit -Xmx of KIBLY_HEAP, default 1g).\n\n");

        Map<String, Object> enrichment = (Map<String, Object>) report.get("enrichment");
        if (enrichment != null) {
            Map<String, Object> heldOut = (Map<String, Object>) enrichment.get("heldOut");
            Map<String, Object> inSystem = (Map<String, Object>) enrichment.get("engineCategoriser");
            Map<String, Object> reenrich = (Map<String, Object>) enrichment.get("reenrichment");
            md.append("## Enrichment (the ").append(small).append(" sandbox transactions)\n\n")
                    .append("| figure | value |\n| --- | ---: |\n")
                    .append("| categoriser accuracy, held-out 20 % (").append(heldOut.get("test")).append(" of ")
                    .append(heldOut.get("train") + " + " + heldOut.get("test")).append(", ")
                    .append(heldOut.get("labels")).append(" labels) | **").append(heldOut.get("accuracy"))
                    .append(" %** |\n| majority-class baseline, same split | ").append(heldOut.get("majorityBaseline"))
                    .append(" % |\n| training on the 80 % | ").append(heldOut.get("trainingSeconds"))
                    .append(" s |\n| predictions | ").append(heldOut.get("predictionsPerSecond"))
                    .append("/s |\n| the engine's own categoriser on transactions it did not learn from (").append(
                            inSystem.get("scoredNotReconciled")).append(") | ").append(inSystem.get("accuracy"))
                    .append(" % |\n| flagged needs review | ").append(inSystem.get("needsReview"))
                    .append(" |\n| re-enrichment after a rule change (").append(reenrich.get("reenriched"))
                    .append(" transactions) | ").append(reenrich.get("seconds")).append(" s, **")
                    .append(reenrich.get("transactionsPerSecond")).append(" transactions/s** |\n\n");
        }

        Map<String, Object> fifty = (Map<String, Object>) triggers.get("50 clients");
        // both summaries: of the million-row integration, and of the whole tenant
        double summaryP95 = Math.max(((Number) ((Map<String, Object>) reads.get("/api/transactions/summary?"
                + "integrationId={1M integration}")).get("p95Ms")).doubleValue(), ((Number) ((Map<String, Object>)
                reads.get("/api/transactions/summary")).get("p95Ms")).doubleValue());
        md.append("## Targets\n\n| target | figure | met |\n| --- | --- | --- |\n");
        target(md, "import ≥ 10,000 transactions/s", largeRate + "/s", largeRate >= 10_000);
        target(md, "import ≥ 30 % of the COPY ceiling", Math.round(ratio * 100) + " %", ratio >= 0.30);
        target(md, "trigger p99 < 50 ms at 50 clients", fifty.get("p99Ms") + " ms",
                ((Number) fifty.get("p99Ms")).doubleValue() < 50);
        target(md, "summary p95 < 100 ms at 1,000,000 rows (the slower of the two)", summaryP95 + " ms",
                summaryP95 < 100);
        long heap = ((Number) fullLarge.get("peakHeapMb")).longValue();
        target(md, "1,000,000 import within a 1 GiB heap", heap + " MB peak", heap > 0 && heap < 1024);
    }

    private static void row(StringBuilder md, String name, Map<String, Object> f) {
        md.append("| ").append(name).append(" | ").append(f.get("imported")).append(" | ").append(f.get("pages"))
                .append(" | ").append(f.get("seconds")).append(" | ").append(f.get("transactionsPerSecond"))
                .append(" | ").append(f.get("payaraCpuSeconds")).append(" / ").append(f.get("postgresCpuSeconds"))
                .append(" / ").append(f.get("sandboxCpuSeconds")).append(" |\n");
    }

    private static void target(StringBuilder md, String target, String figure, boolean met) {
        md.append("| ").append(target).append(" | ").append(figure).append(" | ").append(met ? "met" : "**not met**")
                .append(" |\n");
    }

    @SuppressWarnings("unchecked")
    static String json(Map<String, Object> report) {
        return object(report).build().toString();
    }

    @SuppressWarnings("unchecked")
    private static JsonObjectBuilder object(Map<String, Object> map) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                builder.add(key, object((Map<String, Object>) nested));
            } else if (value instanceof Number number) {
                builder.add(key, Json.createValue(number.doubleValue()));
            } else {
                builder.add(key, String.valueOf(value));
            }
        });
        return builder;
    }
}
