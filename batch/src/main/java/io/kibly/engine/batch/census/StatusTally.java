package io.kibly.engine.batch.census;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts per status; serialisable so that it survives in the step's checkpointed user data. */
public final class StatusTally implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, Integer> counts = new TreeMap<>();

    public void addAll(List<?> statuses) {
        statuses.forEach(status -> counts.merge(String.valueOf(status), 1, Integer::sum));
    }

    public Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** The job's exit status, e.g. {@code ACTIVE=1,PENDING_AUTH=2}; {@code NONE} for no integration. */
    public String asExitStatus() {
        if (counts.isEmpty()) {
            return "NONE";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
