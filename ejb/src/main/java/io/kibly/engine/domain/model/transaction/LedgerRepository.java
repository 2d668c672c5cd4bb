package io.kibly.engine.domain.model.transaction;

import io.kibly.engine.domain.model.enrichment.Enrichment;
import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The imported transactions of a tenant's integrations, keyed by (tenant, integration, provider id). */
public interface LedgerRepository {

    /**
     * Stores a page in one statement per kind of change, never one per row: new transactions are inserted, stored
     * ones replaced only by a higher provider version, deletions mark stored rows DELETED; anything else is an
     * unchanged duplicate.
     */
    Written write(TenantId tenantId, UUID integrationId, UUID jobId, List<LedgerTransaction> transactions,
            List<ProviderDeletion> deletions, Instant now);

    /**
     * As {@link #write(TenantId, UUID, UUID, List, List, Instant)}, storing each row with its enrichment (by provider
     * id) in the same statement: one write per row. A row without one is stored not enriched yet.
     */
    Written write(TenantId tenantId, UUID integrationId, UUID jobId, List<LedgerTransaction> transactions,
            List<ProviderDeletion> deletions, Map<String, Enrichment> enrichments, Instant now);

    /** What a write did; {@code changedIds} are the provider ids inserted or changed (for enrichment). */
    record Written(int imported, int updated, int deleted, int unchanged, List<String> changedIds) {
    }
}
