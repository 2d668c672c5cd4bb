package io.kibly.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency samples and their percentiles. */
final class Figures {

    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

    void add(double value) {
        millis.add(value);
    }

    int count() {
        return millis.size();
    }

    double percentile(double p) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("requests", count());
        summary.put("p50Ms", round(percentile(50)));
        summary.put("p95Ms", round(percentile(95)));
        summary.put("p99Ms", round(percentile(99)));
        return summary;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
