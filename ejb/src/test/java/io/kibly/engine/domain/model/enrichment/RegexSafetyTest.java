package io.kibly.engine.domain.model.enrichment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"^TESCO\\b", "(?i)uber|lyft", "[0-9]{4}", "(ab)+", "uber\\s+trip", "^PO-\\d+$",
            "(foo|bar)+", "(?:\\d{3}-){2}\\d{4}", "(\\d+\\.)?\\d+", "a+b*c?", ".*coffee.*", "(a{2})+", "(.{2}a){12}",
            "(?>a+)+", "(a++)+", "(a+)++", "(?>(?:.*a))+x", "[(+*]+", "[a-z&&[^q]]+", "[]a]+", "\\(a+\\)+",
            "\\Q(a+)+\\E", "\\p{L}+ \\p{Lu}{2,3}", "(?<ref>PO-\\d+)", "\\0101+", "(?i:uber)+", "(x)?(y)?",
            "(?=.*card)visa", "a{2,}b{1,3}", "\\bamazon(\\.co\\.uk)?\\b", "(a+)?", "(?-i)ABC{2}"})
    void legitimatePatternsAreAccepted(String pattern) {
        Pattern.compile(pattern); // each is valid, so only the analysis could refuse it
        assertEquals(Optional.empty(), RegexSafety.hazard(pattern), pattern);
        assertDoesNotThrow(() -> TextMatch.regex(pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(a*)*", "(a+)*b", "(.*a){12}x", "(.*a){12}", "((.+)+)+", "(\\w+\\s?)+$",
            "(a|b+)+", "(?:a+){2,}", "(a?){20}a{20}", "((a+))+", "(x(a+)y)+", "((a+)?)+", "(a+?)+", "(.*)*",
            "(?<n>a+)+", "(?i:a+)+", "([a-z]+)*@", "(\\d{1,3})+", "(?:.*,){5}x", "(a+){2}", "(?:(?:a+)b)+"})
    void nestedQuantifiersAreRefused(String pattern) {
        Pattern.compile(pattern);
        String why = RegexSafety.hazard(pattern).orElseThrow(() -> new AssertionError(pattern + " was accepted"));
        assertTrue(why.contains("nests quantifiers"), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "(.)\\2?(.)\\2", "(?<w>\\w+) \\k<w>", "(a)(b)(c)(d)(e)(f)(g)(h)(i)\\9",
            "(x)[a]\\1"})
    void backReferencesAreRefused(String pattern) {
        Pattern.compile(pattern);
        String why = RegexSafety.hazard(pattern).orElseThrow(() -> new AssertionError(pattern + " was accepted"));
        assertTrue(why.contains("back-reference"), why);
    }

    @Test
    void thePatternOfTheIssueIsRefusedForItsFirstHazard() {
        assertTrue(RegexSafety.hazard("((.+)+)+\\1x").orElseThrow().contains("nests quantifiers"));
        assertTrue(RegexSafety.hazard("(.+)\\1x").orElseThrow().contains("back-reference \\1 at index 4"));
    }

    @Test
    void theReasonSaysWhatAndWhere() {
        assertEquals("The pattern uses the back-reference \\k<w> at index 8; back-references are not allowed"
                + " (their matching time can grow exponentially)", RegexSafety.hazard("(?<w>a) \\k<w>").orElseThrow());
        String nested = RegexSafety.hazard("(.*a){12}x").orElseThrow();
        assertTrue(nested.startsWith("The pattern nests quantifiers: the group before '{12}' at index 5"), nested);
    }

    @Test
    void anEscapedBackslashBeforeADigitIsNoBackReference() {
        assertEquals(Optional.empty(), RegexSafety.hazard("C:\\\\1"));
    }

    @Test
    void aRefusedPatternIsAnInvalidRuleButStillLoadsAsStored() {
        InvalidRuleException refused = assertThrows(InvalidRuleException.class, () -> TextMatch.regex("(.*a){12}x"));
        assertTrue(refused.getMessage().contains("nests quantifiers"), refused.getMessage());
        assertEquals("(.*a){12}x", TextMatch.restore(TextMatch.Mode.REGEX, "(.*a){12}x").pattern());
        // invalid syntax is refused either way
        assertThrows(InvalidRuleException.class, () -> TextMatch.restore(TextMatch.Mode.REGEX, "(["));
    }

    @Test
    void containsIsLiteralSoNeverAnalysed() {
        assertDoesNotThrow(() -> TextMatch.contains("(a+)+\\1"));
    }
}
