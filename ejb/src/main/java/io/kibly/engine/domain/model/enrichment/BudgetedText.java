package io.kibly.engine.domain.model.enrichment;

/**
 * Text that a regular expression may read only until a deadline ({@link System#nanoTime()}): past it, the next
 * {@link #charAt} throws {@link MatchBudgetExceededException}. Java's matcher has no timeout and cannot be
 * interrupted, but it reads every character through {@code charAt}, so a runaway backtracking search stops within
 * a few characters of the deadline.
 * <p>
 * The clock is read every {@value #CHECK_EVERY} characters: one read per character doubled the time of a normal
 * match, and {@value #CHECK_EVERY} reads take well under a microsecond. Not thread-safe (neither is a Matcher).
 */
public final class BudgetedText implements CharSequence {

    static final int CHECK_EVERY = 64;

    private final String text;
    private final int start;
    private final int end;
    private final long deadline;
    private final long budgetNanos;
    private int untilCheck = CHECK_EVERY;

    /** @param deadline a {@link System#nanoTime()} value; {@code budgetNanos} is only for the exception's message */
    public BudgetedText(String text, long deadline, long budgetNanos) {
        this(text, 0, text.length(), deadline, budgetNanos);
    }

    private BudgetedText(String text, int start, int end, long deadline, long budgetNanos) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.deadline = deadline;
        this.budgetNanos = budgetNanos;
    }

    @Override
    public char charAt(int index) {
        if (--untilCheck <= 0) {
            untilCheck = CHECK_EVERY;
            if (System.nanoTime() - deadline > 0) { // the difference, not a comparison: nanoTime may wrap
                throw new MatchBudgetExceededException(budgetNanos);
            }
        }
        return text.charAt(start + index);
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        if (from < 0 || to > length() || from > to) {
            throw new IndexOutOfBoundsException("subSequence(" + from + ", " + to + ") of " + length());
        }
        return new BudgetedText(text, start + from, start + to, deadline, budgetNanos);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
