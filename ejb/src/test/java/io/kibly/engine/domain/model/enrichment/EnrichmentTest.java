package io.kibly.engine.domain.model.enrichment;

import static io.kibly.engine.domain.model.enrichment.EnrichmentSubjects.spend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import io.kibly.engine.domain.model.transaction.MoneyDirection;
import io.kibly.engine.domain.model.transaction.TransactionStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@link Enricher}'s order (rule, then model, then nothing) and the {@link Enrichment} it gives. */
class EnrichmentTest {

    private static final BigDecimal THRESHOLD = new BigDecimal("0.85");

    private static final EnrichmentRule COFFEE_RULE = new EnrichmentRule(31, 10,
            new RuleCondition(TextMatch.contains("coffee"), null, null, null, null, null, null),
            new RuleOutcome("Staff welfare", "477", List.of("office", "coffee")));

    // The hand-computed data set of NaiveBayesCategoriserTest: "coffee train coffee" (total 5) is "food" with a
    // posterior of 117649 / 130771 = 0.89965...
    private static final CategoriserModel MODEL = CategoriserTraining.train(17, List.of(
            new LabelledSubject(spend().description("Coffee beans").total("3").build(), "food"),
            new LabelledSubject(spend().description("coffee").total("2").build(), "food"),
            new LabelledSubject(spend().description("Train ticket").total("30").build(), "travel")));

    private static final EnrichmentSubject COFFEE_IN_DOLLARS = spend().description("coffee train coffee").total("5")
            .currency("USD", "1.25").build();

    private final Enricher enricher = new Enricher();

    private static MatchBudget budget() {
        return new MatchBudget(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Test
    void aMatchingRuleBeatsTheModel() {
        Enrichment enrichment = enricher.enrich(COFFEE_IN_DOLLARS, RuleSet.of(List.of(COFFEE_RULE)),
                Optional.of(MODEL), THRESHOLD, "GBP", budget());

        assertEquals(EnrichmentSource.RULE, enrichment.source());
        assertEquals("Staff welfare", enrichment.category());
        assertEquals("477", enrichment.accountCode());
        assertEquals(List.of("office", "coffee"), enrichment.tags());
        assertEquals(31L, enrichment.ruleId());
        assertNull(enrichment.modelVersion());
        assertEquals(new BigDecimal("1.0000"), enrichment.confidence());
        assertFalse(enrichment.needsReview());
        assertEquals(new BigDecimal("4.00"), enrichment.baseAmount().amount());
    }

    @Test
    void withoutAMatchingRuleTheModelPredictsTheAccountCode() {
        RuleSet rules = RuleSet.of(List.of(new EnrichmentRule(1, 1,
                new RuleCondition(TextMatch.contains("tea"), null, null, null, null, null, null),
                new RuleOutcome("Tea"))));

        Enrichment enrichment = enricher.enrich(COFFEE_IN_DOLLARS, rules, Optional.of(MODEL), THRESHOLD, "GBP", budget());

        assertEquals(EnrichmentSource.MODEL, enrichment.source());
        assertEquals("food", enrichment.category());
        assertEquals("food", enrichment.accountCode());
        assertEquals(List.of(), enrichment.tags());
        assertNull(enrichment.ruleId());
        assertEquals(17L, enrichment.modelVersion());
        assertEquals(new BigDecimal("0.8997"), enrichment.confidence());
        assertFalse(enrichment.needsReview());
        assertEquals(new BigDecimal("4.00"), enrichment.baseAmount().amount());
    }

    @Test
    void aPredictionBelowTheThresholdNeedsReview() {
        Enrichment enrichment = enricher.enrich(COFFEE_IN_DOLLARS, RuleSet.empty(), Optional.of(MODEL),
                new BigDecimal("0.90"), "GBP", budget());

        assertEquals(EnrichmentSource.MODEL, enrichment.source());
        assertEquals(new BigDecimal("0.8997"), enrichment.confidence());
        assertTrue(enrichment.needsReview());
    }

    @Test
    void aPredictionAtTheThresholdAsRecordedDoesNotNeedReview() {
        assertFalse(enricher.enrich(COFFEE_IN_DOLLARS, RuleSet.empty(), Optional.of(MODEL),
                new BigDecimal("0.8997"), "GBP", budget()).needsReview());
        assertTrue(enricher.enrich(COFFEE_IN_DOLLARS, RuleSet.empty(), Optional.of(MODEL),
                new BigDecimal("0.89971"), "GBP", budget()).needsReview());
    }

    @Test
    void withoutRuleOrModelTheTransactionIsUncategorisedAndNeedsReview() {
        Enrichment enrichment = enricher.enrich(COFFEE_IN_DOLLARS, RuleSet.empty(), Optional.empty(), THRESHOLD,
                "GBP", budget());

        assertEquals(EnrichmentSource.NONE, enrichment.source());
        assertNull(enrichment.category());
        assertNull(enrichment.accountCode());
        assertEquals(List.of(), enrichment.tags());
        assertNull(enrichment.ruleId());
        assertNull(enrichment.modelVersion());
        assertNull(enrichment.confidence());
        assertTrue(enrichment.needsReview());
        assertEquals(new BigDecimal("4.00"), enrichment.baseAmount().amount());
    }

    @Test
    void aModelThatLearntNothingLeavesTheTransactionUncategorised() {
        Enrichment enrichment = enricher.enrich(COFFEE_IN_DOLLARS, RuleSet.empty(),
                Optional.of(CategoriserModel.empty(1)), THRESHOLD, "GBP", budget());

        assertEquals(EnrichmentSource.NONE, enrichment.source());
        assertTrue(enrichment.needsReview());
    }

    @Test
    void aMissingRateIsReportedWhateverCategorisesTheTransaction() {
        EnrichmentSubject withoutRate = spend().description("coffee").currency("USD", null).build();

        Enrichment enrichment = enricher.enrich(withoutRate, RuleSet.of(List.of(COFFEE_RULE)), Optional.of(MODEL),
                THRESHOLD, "GBP", budget());

        assertEquals(EnrichmentSource.RULE, enrichment.source());
        assertTrue(enrichment.baseAmount().rateMissing());
        assertNull(enrichment.baseAmount().amount());
    }

    @Test
    void theReviewThresholdMustBeAProbability() {
        assertThrows(IllegalArgumentException.class, () -> enricher.enrich(COFFEE_IN_DOLLARS, RuleSet.empty(),
                Optional.of(MODEL), new BigDecimal("1.01"), "GBP", budget()));
        assertThrows(IllegalArgumentException.class, () -> enricher.enrich(COFFEE_IN_DOLLARS, RuleSet.empty(),
                Optional.of(MODEL), new BigDecimal("-0.1"), "GBP", budget()));
        assertThrows(IllegalArgumentException.class,
                () -> enricher.enrich(COFFEE_IN_DOLLARS, RuleSet.empty(), Optional.of(MODEL), null, "GBP", budget()));
    }

    @Test
    void anEnrichmentRefersOnlyToWhatItCameFrom() {
        BaseAmount base = BaseAmount.of(BigDecimal.TEN, "GBP", null, "GBP");

        assertThrows(IllegalArgumentException.class, () -> new Enrichment("Food", null, List.of(),
                EnrichmentSource.RULE, null, null, Enrichment.CERTAIN, false, base));
        assertThrows(IllegalArgumentException.class, () -> new Enrichment("Food", null, List.of(),
                EnrichmentSource.MODEL, 3L, 1L, BigDecimal.ONE, false, base));
        assertThrows(IllegalArgumentException.class, () -> new Enrichment("Food", null, List.of(),
                EnrichmentSource.NONE, null, null, null, true, base));
        assertThrows(IllegalArgumentException.class, () -> new Enrichment("food", "food", List.of(),
                EnrichmentSource.MODEL, null, 1L, new BigDecimal("1.5"), false, base));
    }

    @Test
    void aSubjectIsTakenFromALedgerTransaction() {
        LedgerTransaction transaction = new LedgerTransaction("Purchase:42", 3,
                Instant.parse("2026-11-25T10:00:00Z"), "Purchase", MoneyDirection.OUT, TransactionStatus.ACTIVE,
                LocalDate.parse("2026-11-24"), new BigDecimal("12.34"), "EUR", new BigDecimal("1.17"),
                "Lunch", "R-1", "C-1", "Cafe", "bank-9", "Current", true, "420");

        EnrichmentSubject subject = EnrichmentSubject.of(transaction);

        assertEquals(new EnrichmentSubject("Purchase:42", "Purchase", "OUT", new BigDecimal("12.34"), "EUR",
                new BigDecimal("1.17"), "Lunch", "R-1", "C-1", "Cafe", "bank-9", "420", true), subject);
    }

    @Test
    void aSubjectHasADirectionAndAnUnsignedTotal() {
        assertThrows(IllegalArgumentException.class, () -> spend().direction("out").build());
        assertThrows(IllegalArgumentException.class, () -> spend().total("-1").build());
    }
}
