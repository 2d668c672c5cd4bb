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

    public static RuleSet empty() {
        return EMPTY;
    }

    /** The first rule, in evaluation order, whose condition matches. */
    public Optional<EnrichmentRule> firstMatch(EnrichmentSubject subject) {
        for (EnrichmentRule rule : rules) {
            if (rule.matches(subject)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
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
