package io.kibly.engine.domain.model.enrichment;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A tenant's enrichment rules in the order they are tried: by priority, then by id. Immutable. */
public final class RuleSet {

    private static final RuleSet EMPTY = new RuleSet(List.of());

    private final List<EnrichmentRule> rules;

    private RuleSet(List<EnrichmentRule> rules) {
        this.rules = rules;
    }

    /** The rules in evaluation order; two rules with the same id are refused (their order would be arbitrary). */
    public static RuleSet of(Collection<EnrichmentRule> rules) {
        Set<Long> ids = new HashSet<>();
        for (EnrichmentRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("Two rules have the id " + rule.id());
            }
        }
        return new RuleSet(rules.stream().sorted(EnrichmentRule.EVALUATION_ORDER).toList());
    }

    /** The enabled ones of a tenant's stored rules: a disabled rule is never tried. */
    public static RuleSet enabled(Collection<StoredRule> stored) {
        return of(stored.stream().filter(StoredRule::enabled).map(StoredRule::rule).toList());
    }

    public static RuleSet empty() {
        return EMPTY;
    }

    /**
     * The first rule, in evaluation order, whose condition matches within the budget. A rule whose pattern overruns
     * its budget twice on this subject (once could be a pause of the machine: a collection, a busy core) counts as
     * not matching, is recorded in the budget and skipped for the rest of its chunk; the next rules still apply.
     */
    public Optional<EnrichmentRule> firstMatch(EnrichmentSubject subject, MatchBudget budget) {
        for (EnrichmentRule rule : rules) {
            if (budget.overran(rule.id())) {
                continue;
            }
            try {
                if (matchesTwiceOverBudget(rule, subject, budget)) {
                    return Optional.of(rule);
                }
            } catch (MatchBudgetExceededException e) {
                budget.recordOverrun(new RuleOverrun(rule.id(), e.field(), e.pattern(), subject.providerId(),
                        e.budgetMillis()));
            }
        }
        return Optional.empty();
    }

    private static boolean matchesTwiceOverBudget(EnrichmentRule rule, EnrichmentSubject subject,
            MatchBudget budget) {
        try {
            return rule.matches(subject, budget);
        } catch (MatchBudgetExceededException once) {
            return rule.matches(subject, budget);
        }
    }

    /** The rules in evaluation order. */
    public List<EnrichmentRule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
