package io.kibly.engine.application;

import io.kibly.engine.domain.model.enrichment.EnrichmentSettings;
import io.kibly.engine.domain.model.enrichment.RuleCondition;
import io.kibly.engine.domain.model.enrichment.RuleOutcome;
import io.kibly.engine.domain.model.enrichment.StoredRule;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A tenant's enrichment as administrators manage it: rules, settings, and the learned categoriser's state.
 * Changing a rule or a setting re-enriches the tenant's transactions in the background (never their provider
 * fields).
 */
public interface EnrichmentService {

    List<StoredRule> rules(@NotNull TenantId tenantId);

    /** @throws UnknownEnrichmentRuleException the tenant has no such rule */
    StoredRule rule(@NotNull TenantId tenantId, long ruleId);

    StoredRule addRule(@NotNull TenantId tenantId, @NotNull String user, int priority, @NotNull RuleCondition condition,
            @NotNull RuleOutcome outcome);

    /** @throws ConcurrentUpdateException the rule changed since {@code version} was read */
    StoredRule replaceRule(@NotNull TenantId tenantId, @NotNull String user, long ruleId, int version, int priority,
            @NotNull RuleCondition condition, @NotNull RuleOutcome outcome);

    void removeRule(@NotNull TenantId tenantId, @NotNull String user, long ruleId);

    /** The tenant's settings, or the defaults (version 0) while it has none. */
    EnrichmentSettings settings(@NotNull TenantId tenantId);

    /** @throws ConcurrentUpdateException the settings changed since {@code settings.version()} was read */
    EnrichmentSettings updateSettings(@NotNull TenantId tenantId, @NotNull String user,
            @NotNull EnrichmentSettings settings);

    Categoriser categoriser(@NotNull TenantId tenantId);

    /** The learned categoriser in use: none until enough labelled transactions arrived. */
    record Categoriser(boolean trained, long version, int examples, List<String> labels, int labelsSinceTraining,
            int retrainAfterLabels) {
    }
}
