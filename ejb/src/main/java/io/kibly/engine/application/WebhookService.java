package io.kibly.engine.application;

import io.kibly.engine.domain.model.integration.Provider;
import java.util.List;

/**
 * Provider webhooks, once their signature was checked: each new event (deduplicated by its key) starts an
 * incremental sync of every integration that syncs the event's provider tenant; an integration already syncing
 * keeps its active job.
 */
public interface WebhookService {

    /**
     * @return how many syncs were started (or found active) for the new events
     */
    int receive(Provider provider, List<ProviderEvent> events);

    /** One event: its deduplication key and the provider tenant it concerns (Xero tenantId, QuickBooks realm). */
    record ProviderEvent(String key, String providerTenantId) {
    }
}
