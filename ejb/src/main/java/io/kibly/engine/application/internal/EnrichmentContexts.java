package io.kibly.engine.application.internal;

import io.kibly.engine.domain.model.enrichment.CategoriserModel;
import io.kibly.engine.domain.model.enrichment.EnrichmentSettings;
import io.kibly.engine.domain.model.enrichment.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What enriching a tenant's page needs (settings, rules, categoriser), kept per tenant with the stamp it was read
 * at: an importer reads the stamp (one small query) and reloads only when a rule, a setting or the model changed.
 * Without it, every page of a large import read all three again.
 */
@ApplicationScoped
public class EnrichmentContexts {

    /** A tenant's enrichment inputs as of {@code stamp}. */
    record Context(String stamp, EnrichmentSettings settings, RuleSet rules, Optional<CategoriserModel> model) {
    }

    private final ConcurrentMap<String, Context> byTenant = new ConcurrentHashMap<>();

    Optional<Context> at(String tenantId, String stamp) {
        Context context = byTenant.get(tenantId);
        return context != null && context.stamp().equals(stamp) ? Optional.of(context) : Optional.empty();
    }

    void keep(String tenantId, Context context) {
        byTenant.put(tenantId, context);
    }
}
