package io.kibly.engine.application.internal;

import io.kibly.engine.application.EnrichmentWorker;
import io.kibly.engine.application.EnrichmentWorker.PageEnrichment;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An importer's enrichment of a fetched page, computed before (and outside) the transaction that stores it, so the
 * page is written once, enriched. Enrichment never fails an import: when it cannot be computed, the page is stored
 * as not enriched yet and the enrichment queue takes it up, with its own retries.
 */
@ApplicationScoped
public class ImportEnrichment {

    private static final Logger LOG = Logger.getLogger(ImportEnrichment.class.getName());

    @Inject
    EnrichmentWorker enrichment;

    public PageEnrichment forPage(TenantId tenantId, List<LedgerTransaction> transactions) {
        try {
            return enrichment.enrichPage(tenantId, transactions);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Tenant {0}: a page of {1} transactions is stored unenriched, for the enrichment"
                    + " queue ({2})", new Object[] {tenantId.id(), transactions.size(), rootCause(e)});
            return PageEnrichment.none();
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
