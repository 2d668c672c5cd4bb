package io.kibly.engine.application;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** What the enrichment worker (behind the enrichment queue) does; each call is one transaction. */
public interface EnrichmentWorker {

    /** Enriches new or changed transactions of an integration; retrains the categoriser when enough labels came. */
    void enrich(TenantId tenantId, UUID integrationId, List<String> providerIds);

    /**
     * Re-enriches the next chunk of the tenant's transactions after row {@code afterId} (only never-predicted
     * ones when {@code onlyUncategorised}); answers the last row done, or empty at the end.
     */
    OptionalLong reenrich(TenantId tenantId, long afterId, boolean onlyUncategorised);

    /** Notes on the transactions why their enrichment failed; the message is retried on its own queue. */
    void recordFailure(TenantId tenantId, UUID integrationId, List<String> providerIds, String error);
}
