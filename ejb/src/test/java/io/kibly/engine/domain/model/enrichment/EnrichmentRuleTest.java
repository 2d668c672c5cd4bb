package io.kibly.engine.domain.model.enrichment;

import static io.kibly.engine.domain.model.enrichment.EnrichmentSubjects.spend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EnrichmentRuleTest {

    @Test
    void containsIgnoresCaseAndNeverMatchesAbsentText() {
        RuleCondition condition = description(TextMatch.contains("coffee"));

        assertTrue(condition.matches(spend().description("Costa COFFEE Ltd").build()));
        assertFalse(condition.matches(spend().description("Costa tea").build()));
        assertFalse(condition.matches(spend().description(null).build()));
    }

    @Test
    void containsTakesThePatternLiterallyWhileRegexInterpretsIt() {
        RuleCondition literal = description(TextMatch.contains("a.c"));
        RuleCondition regex = description(TextMatch.regex("a.c"));

        assertTrue(literal.matches(spend().description("x A.C y").build()));
        assertFalse(literal.matches(spend().description("abc").build()));
        assertTrue(regex.matches(spend().description("ABC").build()));
    }

    @Test
    void aRegexIsFoundAnywhereIgnoringCaseUnlessAnchored() {
        RuleCondition anywhere = description(TextMatch.regex("uber\\s+trip"));
        RuleCondition anchored = description(TextMatch.regex("^uber\\s+trip"));

        assertTrue(anywhere.matches(spend().description("Card payment UBER   Trip 1234").build()));
        assertTrue(anchored.matches(spend().description("Uber trip 1234").build()));
        assertFalse(anchored.matches(spend().description("Card payment Uber trip").build()));
    }

    @Test
    void theReferenceIsMatchedOnItsOwn() {
        RuleCondition condition = new RuleCondition(null, TextMatch.contains("INV-"), null, null, null, null, null);

        assertTrue(condition.matches(spend().description("nothing").reference("inv-2041").build()));
        assertFalse(condition.matches(spend().description("INV-2041").reference("PO-7").build()));
    }

    @Test
    void aContactMatchesItsIdExactlyOrItsNameIgnoringCase() {
        RuleCondition byId = contact("C-1");
        RuleCondition byName = contact("Acme Ltd");

        assertTrue(byId.matches(spend().contact("C-1", "Someone").build()));
        assertFalse(byId.matches(spend().contact("c-1", "Someone").build()));
        assertTrue(byName.matches(spend().contact("C-9", "ACME LTD").build()));
        assertFalse(byName.matches(spend().contact("C-9", "Acme Limited").build()));
        assertFalse(byName.matches(spend().contact(null, null).build()));
    }

    @Test
    void amountBoundsAreInclusiveAndIgnoreScale() {
        RuleCondition condition = amounts("10", "20.00");

        assertTrue(condition.matches(spend().total("10.00").build()));
        assertTrue(condition.matches(spend().total("20").build()));
        assertTrue(condition.matches(spend().total("15.5").build()));
        assertFalse(condition.matches(spend().total("9.99").build()));
        assertFalse(condition.matches(spend().total("20.01").build()));
    }

    @Test
    void aSingleBoundLeavesTheOtherSideOpen() {
        assertTrue(amounts("100", null).matches(spend().total("1000000").build()));
        assertFalse(amounts("100", null).matches(spend().total("99.99").build()));
        assertTrue(amounts(null, "5").matches(spend().total("0").build()));
        assertFalse(amounts(null, "5").matches(spend().total("5.01").build()));
    }

    @Test
    void theTypeIsComparedIgnoringCaseAndTheAccountExactly() {
        RuleCondition type = new RuleCondition(null, null, null, null, null, "spend", null);
        RuleCondition account = new RuleCondition(null, null, null, null, null, null, "bank-1");

        assertTrue(type.matches(spend().type("SPEND").build()));
        assertFalse(type.matches(spend().type("RECEIVE").build()));
        assertTrue(account.matches(spend().account("bank-1").build()));
        assertFalse(account.matches(spend().account("BANK-1").build()));
    }

    @Test
    void everyGivenCriterionMustHold() {
        RuleCondition condition = new RuleCondition(TextMatch.contains("coffee"), null, null,
                new BigDecimal("1"), new BigDecimal("10"), "SPEND", null);

        assertTrue(condition.matches(spend().description("coffee").total("5").build()));
        assertFalse(condition.matches(spend().description("coffee").total("50").build()));
        assertFalse(condition.matches(spend().description("coffee").total("5").type("RECEIVE").build()));
        assertFalse(condition.matches(spend().description("tea").total("5").build()));
    }

    @Test
    void aRuleMatchesThroughItsCondition() {
        EnrichmentRule rule = new EnrichmentRule(1, 10, contact("C-1"), new RuleOutcome("Food"));

        assertTrue(rule.matches(spend().contact("C-1", null).build()));
        assertFalse(rule.matches(spend().contact("C-2", null).build()));
    }

    @Test
    void anInvalidRegexIsRefusedWithItsReason() {
        InvalidRuleException refused = assertThrows(InvalidRuleException.class, () -> TextMatch.regex("(coffee"));

        assertTrue(refused.getMessage().startsWith("Invalid regular expression '(coffee': "), refused.getMessage());
    }

    @Test
    void anEmptyOrOverlongPatternIsRefused() {
        assertThrows(InvalidRuleException.class, () -> TextMatch.contains(""));
        assertThrows(InvalidRuleException.class, () -> TextMatch.contains("   "));
        assertThrows(InvalidRuleException.class, () -> TextMatch.regex(null));
        assertThrows(InvalidRuleException.class, () -> new TextMatch(null, "coffee"));
        assertEquals(500, TextMatch.contains("x".repeat(500)).pattern().length());
        InvalidRuleException refused = assertThrows(InvalidRuleException.class,
                () -> TextMatch.contains("x".repeat(501)));
        assertEquals("The pattern is 501 characters long; at most 500 are allowed", refused.getMessage());
    }

    @Test
    void textMatchesAreValues() {
        assertEquals(TextMatch.regex("a+"), new TextMatch(TextMatch.Mode.REGEX, "a+"));
        assertEquals(TextMatch.regex("a+").hashCode(), new TextMatch(TextMatch.Mode.REGEX, "a+").hashCode());
        assertFalse(TextMatch.regex("a+").equals(TextMatch.contains("a+")));
    }

    @Test
    void aMinimumAboveTheMaximumIsRefused() {
        InvalidRuleException refused = assertThrows(InvalidRuleException.class, () -> amounts("20.01", "20"));

        assertEquals("The minimum amount 20.01 is above the maximum amount 20", refused.getMessage());
    }

    @Test
    void equalBoundsAreAccepted() {
        assertTrue(amounts("20", "20.00").matches(spend().total("20.000").build()));
    }

    @Test
    void aConditionWithoutCriteriaIsRefused() {
        InvalidRuleException refused = assertThrows(InvalidRuleException.class,
                () -> new RuleCondition(null, null, null, null, null, null, null));

        assertEquals("A rule condition needs at least one criterion", refused.getMessage());
    }

    @Test
    void blankCriteriaAndNegativeBoundsAreRefused() {
        assertThrows(InvalidRuleException.class, () -> contact(" "));
        assertThrows(InvalidRuleException.class, () -> new RuleCondition(null, null, null, null, null, "", null));
        assertThrows(InvalidRuleException.class, () -> new RuleCondition(null, null, null, null, null, null, " "));
        assertThrows(InvalidRuleException.class, () -> amounts("-1", null));
    }

    @Test
    void anOutcomeNeedsACategoryOfAtMostAHundredCharacters() {
        assertThrows(InvalidRuleException.class, () -> new RuleOutcome(null));
        assertThrows(InvalidRuleException.class, () -> new RuleOutcome("  "));
        assertThrows(InvalidRuleException.class, () -> new RuleOutcome("x".repeat(101)));
        assertEquals("x".repeat(100), new RuleOutcome("x".repeat(100)).category());
        assertEquals("Food", new RuleOutcome("  Food ").category());
    }

    @Test
    void anAccountCodeIsOptionalAndAtMostTwentyCharacters() {
        assertEquals(null, new RuleOutcome("Food", null, null).accountCode());
        assertEquals("400", new RuleOutcome("Food", " 400 ", null).accountCode());
        assertThrows(InvalidRuleException.class, () -> new RuleOutcome("Food", "", null));
        assertThrows(InvalidRuleException.class, () -> new RuleOutcome("Food", "1".repeat(21), null));
    }

    @Test
    void tagsAreCopiedWithRepeatsRemovedInTheirFirstPosition() {
        List<String> given = new ArrayList<>(List.of("travel", " client ", "travel", "q3", "client"));
        RuleOutcome outcome = new RuleOutcome("Travel", null, given);
        given.clear();

        assertEquals(List.of("travel", "client", "q3"), outcome.tags());
        assertThrows(UnsupportedOperationException.class, () -> outcome.tags().add("x"));
        assertEquals(List.of(), new RuleOutcome("Travel", null, null).tags());
    }

    @Test
    void tagsMustBeNonBlankShortAndAtMostTwenty() {
        assertThrows(InvalidRuleException.class, () -> new RuleOutcome("T", null, List.of("ok", " ")));
        assertThrows(InvalidRuleException.class, () -> new RuleOutcome("T", null, Collections.singletonList(null)));
        assertThrows(InvalidRuleException.class, () -> new RuleOutcome("T", null, List.of("x".repeat(41))));
        assertEquals(40, new RuleOutcome("T", null, List.of("x".repeat(40))).tags().get(0).length());

        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "tag" + i).toList();
        List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> "tag" + i).toList();
        List<String> twentyWithRepeats = new ArrayList<>(twenty);
        twentyWithRepeats.addAll(twenty);
        assertEquals(20, new RuleOutcome("T", null, twentyWithRepeats).tags().size());
        InvalidRuleException refused = assertThrows(InvalidRuleException.class,
                () -> new RuleOutcome("T", null, twentyOne));
        assertEquals("A rule gives 21 tags; at most 20 are allowed", refused.getMessage());
    }

    @Test
    void aRuleNeedsAConditionAndAnOutcome() {
        assertThrows(NullPointerException.class, () -> new EnrichmentRule(1, 1, null, new RuleOutcome("Food")));
        assertThrows(NullPointerException.class, () -> new EnrichmentRule(1, 1, contact("C-1"), null));
    }

    private static RuleCondition description(TextMatch match) {
        return new RuleCondition(match, null, null, null, null, null, null);
    }

    private static RuleCondition contact(String contact) {
        return new RuleCondition(null, null, contact, null, null, null, null);
    }

    private static RuleCondition amounts(String min, String max) {
        return new RuleCondition(null, null, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null, null);
    }
}
