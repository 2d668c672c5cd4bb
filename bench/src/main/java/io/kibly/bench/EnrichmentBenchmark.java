package io.kibly.bench;

import io.kibly.engine.domain.model.enrichment.CategoriserModel;
import io.kibly.engine.domain.model.enrichment.CategoriserTraining;
import io.kibly.engine.domain.model.enrichment.EnrichmentSubject;
import io.kibly.engine.domain.model.enrichment.LabelledSubject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The categoriser's accuracy and the enrichment workers' throughput, on a sandbox dataset the engine imported:
 * <ol>
 *   <li>offline: the engine's own naive Bayes classes trained on 80% of the labelled transactions (split by a hash
 *   of the id) and scored on the other 20%, next to the majority-class baseline of the same split;</li>
 *   <li>in the system: the categoriser the engine trained while importing, scored on the transactions it never
 *   learned from (those not reconciled, whose provider account code is still the truth);</li>
 *   <li>throughput: a rule change re-enriches every transaction of the tenant; the time until the last one is
 *   enriched.</li>
 * </ol>
 */
final class EnrichmentBenchmark {

    private final Engine engine;
    private final Supplier<Connection> database;
    private final String tenant;

    EnrichmentBenchmark(Engine engine, Supplier<Connection> database, String tenant) {
        this.engine = engine;
        this.database = database;
        this.tenant = tenant;
    }

    Map<String, Object> measure(String integration) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        long total = awaitQuiet();
        figures.put("transactions", total);
        figures.put("heldOut", heldOut(integration));
        figures.put("engineCategoriser", engineCategoriser(integration));
        figures.put("reenrichment", reenrichment(total));
        return figures;
    }

    /** Waits until the import's own enrichment (and any re-enrichment after retraining) is done. */
    private long awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            long pending = count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                    + " and (enriched_at is null or enriched_by = 'NONE')");
            if (pending == 0) {
                break;
            }
            Engine.sleep(1_000);
        }
        return count("select count(*) from engine.ledger_transaction where tenant_id = ?");
    }

    private Map<String, Object> heldOut(String integration) throws Exception {
        List<LabelledSubject> train = new ArrayList<>();
        List<LabelledSubject> test = new ArrayList<>();
        try (Connection db = database.get(); PreparedStatement select = db.prepareStatement("select provider_id,"
                + " txn_type, direction, total, currency, currency_rate, description, reference, contact_id,"
                + " contact_name, account_id, provider_account_code, reconciled from engine.ledger_transaction"
                + " where integration_id = ?::uuid and provider_account_code is not null")) {
            select.setString(1, integration);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    EnrichmentSubject subject = new EnrichmentSubject(r.getString(1), r.getString(2), r.getString(3),
                            r.getBigDecimal(4), r.getString(5), r.getBigDecimal(6), r.getString(7), r.getString(8),
                            r.getString(9), r.getString(10), r.getString(11), r.getString(12), r.getBoolean(13));
                    LabelledSubject labelled = new LabelledSubject(subject, subject.providerAccountCode());
                    (Math.floorMod(subject.providerId().hashCode(), 5) == 0 ? test : train).add(labelled);
                }
            }
        }
        long started = System.nanoTime();
        CategoriserModel model = CategoriserTraining.train(1, train);
        double trainingSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Integer> labels = new HashMap<>();
        train.forEach(example -> labels.merge(example.label(), 1, Integer::sum));
        String majority = labels.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long correct = 0;
        long baseline = 0;
        started = System.nanoTime();
        for (LabelledSubject example : test) {
            if (model.predict(example.subject()).map(p -> p.label().equals(example.label())).orElse(false)) {
                correct++;
            }
            if (majority.equals(example.label())) {
                baseline++;
            }
        }
        double predictSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("train", train.size());
        figures.put("test", test.size());
        figures.put("labels", labels.size());
        figures.put("accuracy", Figures.round(100.0 * correct / test.size()));
        figures.put("majorityBaseline", Figures.round(100.0 * baseline / test.size()));
        figures.put("trainingSeconds", Figures.round(trainingSeconds));
        figures.put("predictionsPerSecond", Figures.round(test.size() / predictSeconds));
        return figures;
    }

    private Map<String, Object> engineCategoriser(String integration) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        long scored = count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and integration_id = '" + integration + "' and not reconciled and enriched_by = 'MODEL'"
                + " and provider_account_code is not null");
        long correct = count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and integration_id = '" + integration + "' and not reconciled and enriched_by = 'MODEL'"
                + " and category = provider_account_code");
        long review = count("select count(*) from engine.ledger_transaction where tenant_id = ?"
                + " and integration_id = '" + integration + "' and needs_review");
        figures.put("scoredNotReconciled", scored);
        figures.put("accuracy", scored == 0 ? 0 : Figures.round(100.0 * correct / scored));
        figures.put("needsReview", review);
        figures.put("categoriser", Http.ok(engine.call("GET", "/api/enrichment-settings/categoriser", null),
                "categoriser").json().toString());
        return figures;
    }

    private Map<String, Object> reenrichment(long total) throws Exception {
        Timestamp before;
        try (Connection db = database.get(); PreparedStatement now = db.prepareStatement("select now()");
                ResultSet r = now.executeQuery()) {
            r.next();
            before = r.getTimestamp(1);
        }
        long started = System.nanoTime();
        Http.ok(engine.call("POST", "/api/enrichment-rules", "{\"priority\":1,\"match\":{\"contact\":\"Bayside Club\"},"
                + "\"set\":{\"category\":\"Hospitality\",\"tags\":[\"bench\"]}}"), "rule");
        long done = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            done = countSince(before);
            if (done >= total) {
                break;
            }
            Engine.sleep(250);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("reenriched", done);
        figures.put("seconds", Figures.round(seconds));
        figures.put("transactionsPerSecond", Figures.round(done / seconds));
        return figures;
    }

    private long countSince(Timestamp since) throws Exception {
        try (Connection db = database.get(); PreparedStatement select = db.prepareStatement("select count(*)"
                + " from engine.ledger_transaction where tenant_id = ? and enriched_at > ?")) {
            select.setString(1, tenant);
            select.setTimestamp(2, since);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection db = database.get(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, tenant);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
