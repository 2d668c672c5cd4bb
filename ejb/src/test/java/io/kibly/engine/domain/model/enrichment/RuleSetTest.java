package io.kibly.engine.domain.model.enrichment;

import static io.kibly.engine.domain.model.enrichment.EnrichmentSubjects.spend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static final MatchBudget BUDGET = MatchBudget.perMatch(Duration.ofSeconds(1));

    private static final RuleCondition COFFEE =
            new RuleCondition(TextMatch.contains("coffee"), null, null, null, null, null, null);
    private static final RuleCondition SPEND =
            new RuleCondition(null, null, null, null, null, "SPEND", null);
    private static final RuleCondition TEA =
            new RuleCondition(TextMatch.contains("tea"), null, null, null, null, null, null);

    @Test
    void theLowestPriorityMatchingRuleWinsWhateverTheGivenOrder() {
        EnrichmentRule general = rule(1, 100, SPEND, "General spend");
        EnrichmentRule coffee = rule(2, 10, COFFEE, "Coffee");
        RuleSet rules = RuleSet.of(List.of(general, coffee));

        assertEquals(coffee, rules.firstMatch(spend().description("Coffee shop").build(), BUDGET).orElseThrow());
        assertEquals(general, rules.firstMatch(spend().description("Hardware").build(), BUDGET).orElseThrow());
    }

    @Test
    void aRuleThatDoesNotMatchIsSkippedWhateverItsPriority() {
        RuleSet rules = RuleSet.of(List.of(rule(1, 1, TEA, "Tea"), rule(2, 5, COFFEE, "Coffee")));

        assertEquals(2, rules.firstMatch(spend().description("coffee").build(), BUDGET).orElseThrow().id());
    }

    @Test
    void equalPrioritiesAreTriedInTheOrderOfTheirIds() {
        EnrichmentRule later = rule(9, 10, COFFEE, "Later");
        EnrichmentRule earlier = rule(3, 10, SPEND, "Earlier");
        RuleSet rules = RuleSet.of(List.of(later, earlier));

        assertEquals(earlier, rules.firstMatch(spend().description("coffee").build(), BUDGET).orElseThrow());
        assertEquals(List.of(earlier, later), rules.rules());
    }

    @Test
    void rulesAreOrderedByPriorityThenId() {
        EnrichmentRule a = rule(5, 2, COFFEE, "a");
        EnrichmentRule b = rule(1, 3, COFFEE, "b");
        EnrichmentRule c = rule(2, 2, COFFEE, "c");
        EnrichmentRule d = rule(7, -1, COFFEE, "d");

        assertEquals(List.of(d, c, a, b), RuleSet.of(List.of(a, b, c, d)).rules());
    }

    @Test
    void nothingMatchesInAnEmptySetOrWhenNoRuleApplies() {
        assertTrue(RuleSet.empty().firstMatch(spend().build(), BUDGET).isEmpty());
        assertTrue(RuleSet.of(List.of(rule(1, 1, TEA, "Tea"))).firstMatch(spend().description("coffee").build(), BUDGET)
                .isEmpty());
    }

    @Test
    void twoRulesWithTheSameIdAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RuleSet.of(List.of(rule(4, 1, TEA, "Tea"), rule(4, 2, COFFEE, "Coffee"))));
    }

    private static EnrichmentRule rule(long id, int priority, RuleCondition condition, String category) {
        return new EnrichmentRule(id, priority, condition, new RuleOutcome(category));
    }
}
