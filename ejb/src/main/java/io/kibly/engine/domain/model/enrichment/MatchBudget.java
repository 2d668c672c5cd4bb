package io.kibly.engine.domain.model.enrichment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The time one chunk of enrichment (a page, a queued message) may spend matching regular expressions: each match
 * at most {@code perMatch}, all of them together about {@code perChunk}. The rules that overran are remembered,
 * skipped for the rest of the chunk and reported ({@link #overruns()}) to be disabled. Mutable and not
 * thread-safe: one per chunk, on one thread.
 * <p>
 * The chunk's total is checked between transactions ({@link #exhausted()}), never inside a match, so a chunk
 * overshoots it by at most one transaction's matches, each bounded by {@code perMatch}; what is left is the
 * caller's to hand on (re-queued, with a delay), so one tenant's slow patterns cannot hold a shared worker.
 */
public final class MatchBudget {

    private final long perMatchNanos;
    private final long perChunkNanos;
    private long spentNanos;
    private final Set<Long> overran = new HashSet<>();
    private final List<RuleOverrun> overruns = new ArrayList<>();

    public MatchBudget(Duration perMatch, Duration perChunk) {
        Objects.requireNonNull(perMatch, "perMatch");
        Objects.requireNonNull(perChunk, "perChunk");
        if (perMatch.isNegative() || perMatch.isZero() || perChunk.isNegative() || perChunk.isZero()) {
            throw new IllegalArgumentException("Match budgets must be positive: " + perMatch + ", " + perChunk);
        }
        this.perMatchNanos = perMatch.toNanos();
        this.perChunkNanos = perChunk.toNanos();
    }

    /** A budget for one match at a time, with no total: for a single transaction. */
    public static MatchBudget perMatch(Duration perMatch) {
        return new MatchBudget(perMatch, Duration.ofNanos(Long.MAX_VALUE));
    }

    /** Whether the chunk has used up its total: the transactions not yet enriched are to be handed on. */
    public boolean exhausted() {
        return spentNanos >= perChunkNanos;
    }

    public Duration spent() {
        return Duration.ofNanos(spentNanos);
    }

    /** Whether the rule overran in this chunk already: it is skipped. */
    public boolean overran(long ruleId) {
        return overran.contains(ruleId);
    }

    /** The rules that overran, in the order they did, each once. */
    public List<RuleOverrun> overruns() {
        return List.copyOf(overruns);
    }

    long perMatchNanos() {
        return perMatchNanos;
    }

    void spend(long nanos) {
        spentNanos += Math.max(0, nanos);
    }

    void recordOverrun(RuleOverrun overrun) {
        if (overran.add(overrun.ruleId())) {
            overruns.add(overrun);
        }
    }
}
