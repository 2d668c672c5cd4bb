package io.kibly.engine.application;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;

/** Port: hands a sync request to the sync workers, inside the caller's transaction. */
public interface SyncRequests {

    void send(TenantId tenantId, UUID integrationId, Instant requestedAt);
}
