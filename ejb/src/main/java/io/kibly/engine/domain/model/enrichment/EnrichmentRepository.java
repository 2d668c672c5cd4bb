package io.kibly.engine.domain.model.enrichment;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where rules, settings, models and enrichment results are kept; every method works on one tenant's rows. */
public interface EnrichmentRepository {

    List<StoredRule> rules(TenantId tenantId);

    /**
     * A value that changes whenever the tenant's rules, settings or latest categoriser change (not with the label
     * count): what a cached copy of them is checked against.
     */
    String stamp(TenantId tenantId);

    /** Whether this transaction may train the tenant's categoriser: no other one is training it now. */
    boolean claimTraining(TenantId tenantId);

    Optional<StoredRule> rule(TenantId tenantId, long ruleId);

    StoredRule addRule(TenantId tenantId, int priority, RuleCondition condition, RuleOutcome outcome, Instant now);

    /**
     * Replaces the rule when its version is still {@code expectedVersion}, enabling it again if it was disabled;
     * empty when it is gone or moved on.
     */
    Optional<StoredRule> replaceRule(TenantId tenantId, long ruleId, int expectedVersion, int priority,
            RuleCondition condition, RuleOutcome outcome, Instant now);

    boolean removeRule(TenantId tenantId, long ruleId);

    /**
     * Disables the rule for the overrun (a new version, so that kept copies of the rules are read again), only
     * while it is enabled and still has the pattern that overran; false when it had changed or was disabled.
     */
    boolean disableRule(TenantId tenantId, RuleOverrun overrun, Instant now);

    Optional<EnrichmentSettings> settings(TenantId tenantId);

    /** Stores the settings when their version is still {@code settings.version()}; false when it moved on. */
    boolean saveSettings(TenantId tenantId, EnrichmentSettings settings, Instant now);

    /** Adds labelled transactions seen; answers the count since the last training. */
    int countNewLabels(TenantId tenantId, EnrichmentSettings defaults, int labels);

    void resetNewLabels(TenantId tenantId);

    int labelsSinceTraining(TenantId tenantId);

    Optional<CategoriserModel> latestModel(TenantId tenantId);

    void saveModel(TenantId tenantId, CategoriserModel model, Instant now);

    /** The newest labelled transactions (reconciled, with the provider's account code), at most {@code limit}. */
    List<LabelledSubject> trainingExamples(TenantId tenantId, int limit);

    /** The transactions to enrich, by provider id within one integration. */
    List<Stored> transactions(TenantId tenantId, UUID integrationId, List<String> providerIds);

    /** A chunk of the tenant's transactions in id order after {@code afterId}; only never-predicted ones if asked. */
    List<Stored> transactionsAfter(TenantId tenantId, long afterId, boolean onlyUncategorised, int limit);

    /** Writes the enrichment columns only (never a provider field), clearing any earlier error. */
    void saveEnrichments(TenantId tenantId, List<Enriched> enriched, Instant now);

    /** Records why enrichment of these transactions failed (it is retried on its own queue). */
    void recordFailure(TenantId tenantId, UUID integrationId, List<String> providerIds, String error);

    /** A stored transaction, with its row id and integration, as enrichment reads it. */
    record Stored(long id, UUID integrationId, EnrichmentSubject subject) {
    }

    record Enriched(UUID integrationId, String providerId, Enrichment enrichment) {
    }
}
