package io.kibly.engine.application;

import io.kibly.engine.domain.model.enrichment.Enrichment;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What enrichment does for the importers and behind the enrichment queue; each call is one transaction (or joins
 * the caller's). An importer enriches a page before storing it ({@link #enrichPage}), so each row is written once,
 * enriched; what that could not enrich goes through the queue ({@link #pageStored}).
 */
public interface EnrichmentWorker {

    /**
     * The enrichment of a page about to be stored, from the tenant's current rules, settings and categoriser (read
     * once and kept while they do not change). Reads only, but for disabling a rule whose pattern overran its
     * budget; call it outside the page's transaction, and on any failure store the page with
     * {@link PageEnrichment#none()}: the queue enriches it later. The enrichment may cover only the first rows
     * when the page used up its regular-expression budget; {@link #pageStored} queues the others.
     */
    PageEnrichment enrichPage(TenantId tenantId, List<LedgerTransaction> transactions);

    /**
     * In the transaction that stored a page: queues the changed rows the page's enrichment did not cover, counts
     * the new labels (reconciled, coded rows) and queues a retraining when enough have come.
     */
    void pageStored(TenantId tenantId, UUID integrationId, UUID jobId, List<LedgerTransaction> transactions,
            List<String> changedIds, PageEnrichment enrichment);

    /** A queued retraining: trains a new categoriser version if enough new labels came since the last one. */
    void retrainIfDue(TenantId tenantId);

    /**
     * A page's enrichments by provider id, and how many new labels make the next retraining due (0: unknown, the
     * page was not enriched).
     */
    record PageEnrichment(Map<String, Enrichment> byProviderId, int labelsForRetraining) {

        public PageEnrichment {
            byProviderId = Map.copyOf(byProviderId);
        }

        public static PageEnrichment none() {
            return new PageEnrichment(Map.of(), 0);
        }
    }

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
