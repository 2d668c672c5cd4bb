package io.kibly.engine.domain.model.enrichment;

import java.time.Instant;

/** A rule as a tenant keeps it: the rule, and its version for optimistic updates. */
public record StoredRule(EnrichmentRule rule, int version, Instant createdAt, Instant updatedAt) {
}
