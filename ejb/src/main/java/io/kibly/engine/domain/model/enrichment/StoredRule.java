package io.kibly.engine.domain.model.enrichment;

import java.time.Instant;

/**
 * A rule as a tenant keeps it: the rule, its version for optimistic updates, and whether it is in use. A rule is
 * disabled when its pattern overran its match budget ({@link RuleOverrun}); replacing the rule enables it again.
 *
 * @param disabledReason why the rule is not tried, for its author; null while it is enabled
 * @param disabledAt     when it was disabled; null while it is enabled
 */
public record StoredRule(EnrichmentRule rule, int version, Instant createdAt, Instant updatedAt,
        String disabledReason, Instant disabledAt) {

    public StoredRule {
        if ((disabledReason == null) != (disabledAt == null)) {
            throw new IllegalArgumentException("A disabled rule has both a reason and a time, an enabled one neither");
        }
    }

    /** An enabled rule. */
    public StoredRule(EnrichmentRule rule, int version, Instant createdAt, Instant updatedAt) {
        this(rule, version, createdAt, updatedAt, null, null);
    }

    public boolean enabled() {
        return disabledReason == null;
    }
}
