package io.kibly.engine.application;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Port: the only cross-tenant questions the engine asks, for its timers: which tenants have work due. Each
 * answer is a list of (tenant, id) pairs; the work itself then runs inside the tenant.
 */
public interface DueWork {

    /** Jobs whose worker went silent: RUNNING without a heartbeat, or queued/waiting past their time. */
    List<Item> stalledJobs(Instant staleBefore);

    /** ACTIVE integrations whose sync interval has passed since their last sync, with no active sync. */
    List<Item> integrationsDueForSync();

    /** Connections whose grant was last refreshed before {@code refreshedBefore}. */
    List<Item> connectionsToRefresh(Instant refreshedBefore);

    /** Connections with a token encrypted under another key than the active one. */
    List<Item> connectionsNotUnderKey(String activeKeyId);

    /** The ACTIVE integrations, of any tenant, that sync this provider tenant. */
    List<Item> integrationsOf(io.kibly.engine.domain.model.integration.Provider provider, String providerTenantId);

    /**
     * Records a webhook event's key; false when it was recorded before (a redelivery). Commits at once, in its
     * own transaction.
     */
    boolean firstDelivery(io.kibly.engine.domain.model.integration.Provider provider, String eventKey);

    /**
     * Forgets the webhook event keys received before the cut-off (a provider redelivers within hours, not days);
     * commits at once, in its own transaction.
     *
     * @return how many keys were forgotten
     */
    int forgetWebhookEventsBefore(java.time.Instant cutoff);

    /** A tenant's job, integration or connection. */
    record Item(TenantId tenantId, UUID id) {
    }
}
