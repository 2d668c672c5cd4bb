package io.kibly.engine.domain.model.enrichment;

import static io.kibly.engine.domain.model.enrichment.EnrichmentSubjects.spend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A rule whose pattern overruns is skipped, reported once, and the next rules and the categoriser still apply. */
class MatchBudgetTest {

    private static final EnrichmentRule CATASTROPHIC = new EnrichmentRule(7, 1, new RuleCondition(
            TextMatch.restore(TextMatch.Mode.REGEX, "((.+)+)+\\1x"), null, null, null, null, null, null),
            new RuleOutcome("Never", null, List.of()));
    private static final EnrichmentRule SERVICES = new EnrichmentRule(8, 2, new RuleCondition(
            TextMatch.regex("servic(e|es)\\b"), null, null, null, null, null, null),
            new RuleOutcome("Services", null, List.of()));

    @Test
    void anOverrunningRuleCountsAsNotMatchingIsReportedOnceAndSkippedAfterwards() {
        RuleSet rules = RuleSet.of(List.of(CATASTROPHIC, SERVICES));
        MatchBudget budget = new MatchBudget(Duration.ofMillis(50), Duration.ofSeconds(30));
        EnrichmentSubject consulting = new EnrichmentSubject("tx-19", "SPEND", "OUT", BigDecimal.TEN, "GBP", null,
                "Consulting services", null, null, null, "bank-1", null, false);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals(SERVICES, rules.firstMatch(consulting, budget).orElseThrow());
            // tried twice (a pause of the machine is not the pattern's fault), then skipped: no more time spent
            Duration spent = budget.spent();
            assertTrue(spent.compareTo(Duration.ofMillis(100)) >= 0, spent.toString());
            for (int i = 0; i < 100; i++) {
                assertEquals(SERVICES, rules.firstMatch(consulting, budget).orElseThrow());
            }
            assertTrue(budget.spent().minus(spent).compareTo(Duration.ofMillis(50)) < 0, budget.spent().toString());
        });
        assertTrue(budget.overran(7));
        assertFalse(budget.overran(8));
        RuleOverrun overrun = budget.overruns().get(0);
        assertEquals(List.of(new RuleOverrun(7, "description", "((.+)+)+\\1x", "tx-19", 50)), budget.overruns());
        assertEquals("The description pattern exceeded its 50 ms match budget on transaction tx-19; change the"
                + " pattern to enable the rule again", overrun.reason());
    }

    @Test
    void theEnricherFallsBackToTheCategoriserPastAnOverrunningRule() {
        CategoriserModel model = CategoriserTraining.train(1, List.of(
                new LabelledSubject(spend().description("Consulting services").build(), "200"),
                new LabelledSubject(spend().description("Travel").build(), "493")));
        MatchBudget budget = new MatchBudget(Duration.ofMillis(20), Duration.ofSeconds(30));
        Enrichment enrichment = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> new Enricher().enrich(
                spend().description("Consulting services").build(), RuleSet.of(List.of(CATASTROPHIC)),
                Optional.of(model), new BigDecimal("0.5"), "GBP", budget));
        assertEquals(EnrichmentSource.MODEL, enrichment.source());
        assertEquals("200", enrichment.category());
        assertEquals(1, budget.overruns().size());
    }

    @Test
    void aChunkIsExhaustedOnceItsRegularExpressionsTookItsTotal() {
        MatchBudget budget = new MatchBudget(Duration.ofMillis(30), Duration.ofMillis(1000));
        RuleSet rules = RuleSet.of(List.of(CATASTROPHIC, SERVICES));
        assertFalse(budget.exhausted());
        rules.firstMatch(spend().description("Consulting services").build(), budget); // 2 x 30 ms
        Duration spent = budget.spent();
        assertTrue(spent.compareTo(Duration.ofMillis(60)) >= 0 && spent.compareTo(Duration.ofMillis(1000)) < 0,
                spent.toString());
        assertFalse(budget.exhausted());
        budget.spend(Duration.ofMillis(1000).minus(spent).toNanos());
        assertTrue(budget.exhausted());
    }

    @Test
    void onlyEnabledStoredRulesAreTried() {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        RuleSet rules = RuleSet.enabled(List.of(new StoredRule(CATASTROPHIC, 2, now, now, "overran", now),
                new StoredRule(SERVICES, 1, now, now)));
        assertEquals(List.of(SERVICES), rules.rules());
        assertThrows(IllegalArgumentException.class, () -> new StoredRule(SERVICES, 1, now, now, "why", null));
        assertTrue(new StoredRule(SERVICES, 1, now, now).enabled());
    }

    @Test
    void budgetsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new MatchBudget(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new MatchBudget(Duration.ofMillis(1), Duration.ZERO));
    }
}
