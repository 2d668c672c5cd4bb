package io.kibly.engine.application;

import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.sync.PageOutcome;
import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.tenant.TenantId;

/**
 * What corporate systems are told about (CloudEvents on the events topic). Each method is called inside the
 * transaction of the change it reports and records the event in that transaction: the event is published once
 * the change committed, and never for a change that rolled back.
 */
public interface OutboundEvents {

    void integrationConnected(TenantId tenantId, Integration integration);

    void integrationNeedsReauthorisation(TenantId tenantId, Integration integration, String reason);

    void syncStarted(SyncJob job);

    /** Progress of a running job; recorded at most once per job per throttle interval. */
    void syncProgressed(SyncJob job);

    /** The job reached an end: completed, failed or cancelled. */
    void syncFinished(SyncJob job);

    /** A page of the job was stored: what it changed. */
    void transactionsImported(SyncJob job, PageOutcome outcome);
}
