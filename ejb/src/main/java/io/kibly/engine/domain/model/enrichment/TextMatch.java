package io.kibly.engine.domain.model.enrichment;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A test on a piece of transaction text, ignoring case: either it contains the pattern, or the regular expression
 * is found somewhere in it. Validated and compiled once, on construction; a new regular expression must also pass
 * {@link RegexSafety} (no back-references, no nested quantifiers). Every regular-expression match runs under a
 * {@link MatchBudget}: matching time is bounded whatever the pattern, including one stored before (or past) that
 * check, which {@link #restore} still loads.
 * <p>
 * A value object with the accessors of a record ({@link #mode()}, {@link #pattern()}); not a record only because it
 * keeps the compiled {@link Pattern}, which is not part of its value.
 */
public final class TextMatch {

    public static final int MAX_PATTERN_LENGTH = 500;
    /** A match's budget where none is configured (the engine's is {@code kibly.enrichment.regex-budget-ms}). */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(50);

    /** How the pattern is applied. */
    public enum Mode {
        /** The text contains the pattern, ignoring case. */
        CONTAINS,
        /** The regular expression is found in the text ({@link java.util.regex.Matcher#find()}), ignoring case. */
        REGEX
    }

    private final Mode mode;
    private final String pattern;
    private final Pattern compiled;

    /** A new text match: a regular expression must be valid and pass {@link RegexSafety}. */
    public TextMatch(Mode mode, String pattern) {
        this(mode, pattern, true);
    }

    private TextMatch(Mode mode, String pattern, boolean analysed) {
        if (mode == null) {
            throw new InvalidRuleException("A text match needs a mode (CONTAINS or REGEX)");
        }
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidRuleException("A text match needs a non-empty pattern");
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidRuleException("The pattern is " + pattern.length() + " characters long; at most "
                    + MAX_PATTERN_LENGTH + " are allowed");
        }
        this.mode = mode;
        this.pattern = pattern;
        int caseInsensitive = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        try {
            this.compiled = Pattern.compile(pattern, mode == Mode.CONTAINS ? caseInsensitive | Pattern.LITERAL
                    : caseInsensitive);
        } catch (PatternSyntaxException e) {
            throw new InvalidRuleException("Invalid regular expression '" + pattern + "': " + e.getDescription()
                    + " near index " + e.getIndex(), e);
        }
        if (analysed && mode == Mode.REGEX) {
            RegexSafety.requireSafe(pattern);
        }
    }

    /**
     * A text match as stored: compiled (an invalid one still fails), but not refused by {@link RegexSafety}, so
     * a rule stored before that check existed, or written past it, still loads; its budget bounds it, and a rule
     * that overruns is disabled.
     */
    public static TextMatch restore(Mode mode, String pattern) {
        return new TextMatch(mode, pattern, false);
    }

    public static TextMatch contains(String text) {
        return new TextMatch(Mode.CONTAINS, text);
    }

    public static TextMatch regex(String expression) {
        return new TextMatch(Mode.REGEX, expression);
    }

    /**
     * Whether the text matches; absent text never does. A regular expression reads the text through a
     * {@link BudgetedText} and its time is counted in the budget.
     *
     * @throws MatchBudgetExceededException the regular expression ran past the budget's time for one match
     */
    public boolean matches(String text, MatchBudget budget) {
        if (text == null) {
            return false;
        }
        if (mode == Mode.CONTAINS) {
            return compiled.matcher(text).find(); // a literal search: linear in the text, no budget needed
        }
        long start = System.nanoTime();
        try {
            return compiled.matcher(new BudgetedText(text, start + budget.perMatchNanos(), budget.perMatchNanos()))
                    .find();
        } finally {
            budget.spend(System.nanoTime() - start);
        }
    }

    public Mode mode() {
        return mode;
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextMatch that && mode == that.mode && pattern.equals(that.pattern);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, pattern);
    }

    @Override
    public String toString() {
        return "TextMatch[mode=" + mode + ", pattern=" + pattern + "]";
    }
}
