package io.kibly.engine.domain.model.enrichment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Refuses the two shapes of regular expression whose matching time can grow exponentially with the text in Java's
 * backtracking engine: <em>back-references</em> ({@code \1}..{@code \9}, {@code \k<name>}) and <em>nested
 * quantifiers</em>, a repeated group that itself contains a variable quantifier ({@code (a+)+}, {@code (.*a){12}},
 * {@code ((.+)+)+}). {@code ((.+)+)+\1x} took 22.6 s on the 19-character description "Consulting services".
 * <p>
 * What stays accepted: quantified groups of fixed width ({@code (ab)+}, {@code (\d{3}-){2}}), an optional group
 * containing quantifiers ({@code (\d+\.)?}), and what cannot backtrack: possessive quantifiers ({@code a++}),
 * atomic groups ({@code (?>a+)+}). A syntactic check, not a proof: overlapping alternatives such as
 * {@code (a|aa)+} still pass, so every match also runs under a time budget ({@link BudgetedText}). Stateless.
 */
public final class RegexSafety {

    private RegexSafety() {
    }

    /** Throws {@link InvalidRuleException} saying why, when the (syntactically valid) pattern is refused. */
    public static void requireSafe(String pattern) {
        Optional<String> hazard = hazard(pattern);
        if (hazard.isPresent()) {
            throw new InvalidRuleException(hazard.get());
        }
    }

    /** Why the pattern is refused, in words for its author; empty when it is accepted. */
    public static Optional<String> hazard(String pattern) {
        return new Scan(pattern).run();
    }

    /** One group being read: whether something inside it can backtrack over a variable number of characters. */
    private static final class Group {
        final boolean atomic;
        boolean variable;

        Group(boolean atomic) {
            this.atomic = atomic;
        }
    }

    private static final class Scan {
        private final String p;
        private int i;
        private final Deque<Group> groups = new ArrayDeque<>();
        /** The atom a quantifier would apply to: -1 none, 0 a plain atom, 1 a group with a variable quantifier. */
        private int lastAtom = -1;
        private int lastGroupStart = -1;

        Scan(String pattern) {
            this.p = pattern;
        }

        Optional<String> run() {
            groups.push(new Group(false)); // the whole pattern
            while (i < p.length()) {
                char c = p.charAt(i);
                switch (c) {
                    case '\\' -> {
                        Optional<String> refused = escape();
                        if (refused.isPresent()) {
                            return refused;
                        }
                    }
                    case '[' -> {
                        characterClass();
                        lastAtom = 0;
                    }
                    case '(' -> openGroup();
                    case ')' -> closeGroup();
                    case '*', '+', '?', '{' -> {
                        Optional<String> refused = quantifier();
                        if (refused.isPresent()) {
                            return refused;
                        }
                    }
                    case '|' -> {
                        i++;
                        lastAtom = -1;
                    }
                    case '^', '$' -> {
                        i++;
                        lastAtom = -1;
                    }
                    default -> {
                        i++;
                        lastAtom = 0;
                    }
                }
            }
            return Optional.empty();
        }

        private Optional<String> escape() {
            int at = i;
            if (i + 1 >= p.length()) {
                i++;
                return Optional.empty();
            }
            char next = p.charAt(i + 1);
            if (next >= '1' && next <= '9') {
                return Optional.of(backReference(at, p.substring(at, i + 2)));
            }
            if (next == 'k' && i + 2 < p.length() && p.charAt(i + 2) == '<') {
                int end = p.indexOf('>', i + 3);
                return Optional.of(backReference(at, p.substring(at, end < 0 ? p.length() : end + 1)));
            }
            if (next == 'Q') { // quoted up to \E: literal text
                int end = p.indexOf("\\E", i + 2);
                i = end < 0 ? p.length() : end + 2;
                lastAtom = 0;
                return Optional.empty();
            }
            i += 2;
            if ((next == 'p' || next == 'P' || next == 'x' || next == 'N') && i < p.length() && p.charAt(i) == '{') {
                int end = p.indexOf('}', i);
                i = end < 0 ? p.length() : end + 1;
            }
            // anchors and boundaries are not atoms a quantifier could repeat
            lastAtom = "bBAGZz".indexOf(next) >= 0 ? -1 : 0;
            return Optional.empty();
        }

        private static String backReference(int index, String reference) {
            return "The pattern uses the back-reference " + reference + " at index " + index
                    + "; back-references are not allowed (their matching time can grow exponentially)";
        }

        /** Skips a character class, nested ones ({@code [a-z&&[^b]]}) included; a leading ']' is literal. */
        private void characterClass() {
            int depth = 0;
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                    i++;
                    if (i < p.length() && p.charAt(i) == '^') {
                        i++;
                    }
                    if (i < p.length() && p.charAt(i) == ']') {
                        i++;
                    }
                    continue;
                }
                i++;
                if (c == ']' && --depth == 0) {
                    return;
                }
            }
        }

        private void openGroup() {
            boolean atomic = p.startsWith("(?>", i);
            if (p.startsWith("(?", i) && !atomic) {
                // flags alone, (?i) or (?-s): no group, nothing to repeat
                int j = i + 2;
                while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
                    j++;
                }
                if (j < p.length() && p.charAt(j) == ')' && j > i + 2) {
                    i = j + 1;
                    lastAtom = -1;
                    return;
                }
            }
            groups.push(new Group(atomic));
            i++;
            lastAtom = -1;
        }

        private void closeGroup() {
            i++;
            if (groups.size() <= 1) { // unbalanced: cannot be, the pattern compiled; read on
                lastAtom = 0;
                return;
            }
            Group closed = groups.pop();
            // an atomic group gives nothing back once matched: repeating it cannot backtrack into it
            boolean variable = closed.variable && !closed.atomic;
            if (variable) {
                groups.peek().variable = true;
            }
            lastAtom = variable ? 1 : 0;
        }

        private Optional<String> quantifier() {
            int start = i;
            char c = p.charAt(i);
            int min;
            int max;
            if (c == '{') {
                int end = p.indexOf('}', i);
                String body = end < 0 ? "" : p.substring(i + 1, end);
                if (!body.matches("\\d+(,\\d*)?")) { // a literal '{'
                    i++;
                    lastAtom = 0;
                    return Optional.empty();
                }
                int comma = body.indexOf(',');
                min = parse(comma < 0 ? body : body.substring(0, comma));
                max = comma < 0 ? min : comma == body.length() - 1 ? Integer.MAX_VALUE
                        : parse(body.substring(comma + 1));
                i = end + 1;
            } else {
                min = c == '+' ? 1 : 0;
                max = c == '?' ? 1 : Integer.MAX_VALUE;
                i++;
            }
            boolean possessive = i < p.length() && p.charAt(i) == '+';
            if (i < p.length() && (p.charAt(i) == '+' || p.charAt(i) == '?')) {
                i++;
            }
            String quantifier = p.substring(start, i);
            if (lastAtom == 1 && max > 1 && !possessive) {
                return Optional.of("The pattern nests quantifiers: the group before '" + quantifier + "' at index "
                        + start + " repeats a quantifier of its own (as in (a+)+ or (.*a){12}); nested quantifiers"
                        + " are not allowed (their matching time can grow exponentially). Repeat a fixed-width"
                        + " group, or make the inner quantifier possessive (a++) or the group atomic ((?>...))");
            }
            if (!possessive && min != max && lastAtom >= 0) {
                groups.peek().variable = true;
            }
            lastAtom = -1; // a quantifier is not itself quantified (a** does not compile)
            return Optional.empty();
        }

        private static int parse(String digits) {
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }
    }
}
