package io.kibly.engine.application.internal;

import io.kibly.engine.application.IdempotencyKeyReusedException;
import io.kibly.engine.application.IdempotentRequestInFlightException;
import io.kibly.engine.application.SyncService;
import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.sync.SyncStatus;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts and steers sync jobs. The database decides the races: a unique index allows one active job per
 * integration and one job per idempotency key, so when a creation fails on one of them, the job that won is the
 * answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultSyncService implements SyncService {

    @jakarta.inject.Inject
    io.kibly.engine.application.BatchJobs batchJobs;

    @EJB
    SyncJobSteps steps;

    @Override
    public Started start(TenantId tenantId, String user, SyncRequest request, String idempotencyKey) {
        Optional<Started> earlier = earlier(tenantId, request, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new Started(steps.create(tenantId, user, request, idempotencyKey), true);
        } catch (EJBException lostARace) {
            // a unique index refused the job: the winner is the answer (or, if it is not visible yet, a 409)
            Optional<Started> winner = earlier(tenantId, request, idempotencyKey);
            if (winner.isPresent()) {
                return winner.get();
            }
            if (idempotencyKey != null) {
                throw new IdempotentRequestInFlightException(
                        "A request with this Idempotency-Key is still being processed; retry shortly");
            }
            throw lostARace;
        }
    }

    private Optional<Started> earlier(TenantId tenantId, SyncRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<SyncJob> keyed = steps.byIdempotencyKey(tenantId, idempotencyKey);
            if (keyed.isPresent()) {
                if (!keyed.get().requestHash().orElse("").equals(DefaultConnectionService.hash(request.fingerprint()))) {
                    throw new IdempotencyKeyReusedException(
                            "This Idempotency-Key was used for a different request: use a new key");
                }
                return Optional.of(new Started(keyed.get(), false));
            }
        }
        return steps.activeFor(tenantId, request.integrationId()).map(active -> new Started(active, false));
    }

    @Override
    public SyncJob job(TenantId tenantId, UUID jobId) {
        return steps.job(tenantId, jobId);
    }

    @Override
    public List<SyncJob> jobs(TenantId tenantId, UUID integrationId, SyncStatus status, UUID after, int limit) {
        return steps.jobs(tenantId, integrationId, status, after, limit);
    }

    @Override
    public SyncJob cancel(TenantId tenantId, UUID jobId) {
        SyncJob cancelled = steps.cancel(tenantId, jobId);
        // a batch import's windows also see the job cancelled and stop reading; stopping the execution ends it
        // after the chunk in progress, as the batch runtime's own record
        cancelled.batchExecutionId().ifPresent(execution -> batchJobs.stop(tenantId, execution));
        return cancelled;
    }

    @Override
    public SyncJob retry(TenantId tenantId, UUID jobId) {
        return steps.retry(tenantId, jobId);
    }
}
