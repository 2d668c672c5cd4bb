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

    /** A tenant's job, integration or connection. */
    record Item(TenantId tenantId, UUID id) {
    }
}
