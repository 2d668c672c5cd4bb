package io.kibly.engine.domain.model.enrichment;

import java.util.Comparator;
import java.util.Objects;

/**
 * A tenant's rule: when its condition matches a transaction, the outcome is applied with certainty.
 *
 * @param priority lower runs first; rules of equal priority run in the order of their ids
 */
public record EnrichmentRule(long id, int priority, RuleCondition condition, RuleOutcome outcome) {

    /** The order in which rules are tried. */
    public static final Comparator<EnrichmentRule> EVALUATION_ORDER =
            Comparator.comparingInt(EnrichmentRule::priority).thenComparingLong(EnrichmentRule::id);

    public EnrichmentRule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean matches(EnrichmentSubject subject) {
        return condition.matches(subject);
    }

    /** @throws MatchBudgetExceededException a pattern of the condition ran past its budget */
    public boolean matches(EnrichmentSubject subject, MatchBudget budget) {
        return condition.matches(subject, budget);
    }
}
