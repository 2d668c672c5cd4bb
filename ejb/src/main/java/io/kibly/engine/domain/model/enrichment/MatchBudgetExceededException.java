package io.kibly.engine.domain.model.enrichment;

import java.util.concurrent.TimeUnit;

/** A regular expression ran past its time budget on one text; the search was abandoned. */
public class MatchBudgetExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long budgetMillis;
    private final String field;
    private final String pattern;

    public MatchBudgetExceededException(long budgetNanos) {
        this(TimeUnit.NANOSECONDS.toMillis(budgetNanos), null, null);
    }

    private MatchBudgetExceededException(long budgetMillis, String field, String pattern) {
        // no stack trace: thrown from deep inside the matcher's recursion, where filling one costs more than the
        // budget it reports, and the place is always the same
        super((field == null ? "The pattern" : "The " + field + " pattern '" + pattern + "'") + " exceeded its "
                + budgetMillis + " ms match budget", null, false, false);
        this.budgetMillis = budgetMillis;
        this.field = field;
        this.pattern = pattern;
    }

    /** The same overrun, saying which criterion's pattern it was. */
    public MatchBudgetExceededException in(String field, String pattern) {
        return new MatchBudgetExceededException(budgetMillis, field, pattern);
    }

    public long budgetMillis() {
        return budgetMillis;
    }

    /** The criterion ("description", "reference"), once known; null before. */
    public String field() {
        return field;
    }

    public String pattern() {
        return pattern;
    }
}
