package io.kibly.engine.domain.model.enrichment;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A test on a piece of transaction text, ignoring case: either it contains the pattern, or the regular expression
 * is found somewhere in it. Validated and compiled once, on construction.
 * <p>
 * A value object with the accessors of a record ({@link #mode()}, {@link #pattern()}); not a record only because it
 * keeps the compiled {@link Pattern}, which is not part of its value.
 */
public final class TextMatch {

    public static final int MAX_PATTERN_LENGTH = 500;

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

    public TextMatch(Mode mode, String pattern) {
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
    }

    public static TextMatch contains(String text) {
        return new TextMatch(Mode.CONTAINS, text);
    }

    public static TextMatch regex(String expression) {
        return new TextMatch(Mode.REGEX, expression);
    }

    /** Whether the text matches; absent text never does. */
    public boolean matches(String text) {
        return text != null && compiled.matcher(text).find();
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
