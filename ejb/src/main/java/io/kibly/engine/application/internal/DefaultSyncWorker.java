package io.kibly.engine.application.internal;

import io.kibly.engine.application.EngineEvents;
import io.kibly.engine.application.GrantRevokedException;
import io.kibly.engine.application.LedgerGateway;
import io.kibly.engine.application.LedgerGateway.LedgerPage;
import io.kibly.engine.application.ProviderRejectedException;
import io.kibly.engine.application.ProviderThrottledException;
import io.kibly.engine.application.ProviderUnavailableException;
import io.kibly.engine.application.RateBudget;
import io.kibly.engine.application.SyncWorker;
import io.kibly.engine.application.internal.SyncJobSteps.PageWork;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * One page per message, without a transaction of its own: the provider call happens between the short
 * transactions of {@link SyncJobSteps} (claim, then commit or record the failure), never inside one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultSyncWorker implements SyncWorker {

    private static final Logger LOG = Logger.getLogger(DefaultSyncWorker.class.getName());
    /** A wait this short is spent in the worker; a longer one goes back to the queue with a delivery delay. */
    private static final Duration WAIT_IN_PLACE = Duration.ofSeconds(3);

    @EJB
    SyncJobSteps steps;
    @EJB
    ConnectionSteps connections;
    @Inject
    LedgerGateway gateway;
    @Inject
    RateBudget budget;
    @Inject
    jakarta.enterprise.event.Event<EngineEvents.ProviderCalled> calls;


    /** Rows per provider page (Xero and QuickBooks both serve up to 1,000). */
    @Inject
    @ConfigProperty(name = "kibly.sync.page-size", defaultValue = "1000")
    int pageSize;

    @Override
    public void plan(TenantId tenantId, UUID jobId) {
        steps.plan(tenantId, jobId);
    }

    @Override
    public void importPage(TenantId tenantId, UUID jobId, int step) {
        Optional<PageWork> claimed = steps.claimPage(tenantId, jobId, step);
        if (claimed.isEmpty()) {
            LOG.fine(() -> "Stale import message for job " + jobId + " step " + step + ": dropped");
            return;
        }
        PageWork work = claimed.get();
        ConnectionSteps.Access token;
        try {
            token = connections.validAccessToken(tenantId, work.integrationId());
        } catch (ProviderUnavailableException e) {
            steps.failAttempt(tenantId, jobId, step, "Refreshing the access token failed: " + e.getMessage());
            return;
        }
        if (token.reauthorisationReason() != null) {
            steps.fail(tenantId, jobId, step, "The integration needs re-authorisation: " + token.reauthorisationReason());
            return;
        }
        LedgerGateway.PageRequest request = new LedgerGateway.PageRequest(token.accessToken(), token.providerTenantId(),
                work.entity(), work.since(), work.page(), pageSize);
        LedgerPage page;
        try (RateBudget.Admission admission = admit(work, token.providerTenantId())) {
            if (!admission.admitted()) {
                steps.postpone(tenantId, jobId, step, admission.retryAfter(), false);
                return;
            }
            page = gateway.fetch(work.provider(), request);
            calls.fire(new EngineEvents.ProviderCalled(work.provider(), "ok"));
        } catch (ProviderThrottledException e) {
            calls.fire(new EngineEvents.ProviderCalled(work.provider(), "throttled"));
            steps.postpone(tenantId, jobId, step, e.retryAfter(), true);
            return;
        } catch (ProviderUnavailableException | TimeoutException | CircuitBreakerOpenException | BulkheadException e) {
            calls.fire(new EngineEvents.ProviderCalled(work.provider(),
                    e instanceof CircuitBreakerOpenException ? "circuit-open" : "failed"));
            steps.failAttempt(tenantId, jobId, step, plainWords(e));
            return;
        } catch (GrantRevokedException e) {
            calls.fire(new EngineEvents.ProviderCalled(work.provider(), "refused"));
            connections.requireReauthorisation(tenantId, work.integrationId(), e.getMessage());
            steps.fail(tenantId, jobId, step, e.getMessage() + ": authorise the integration again");
            return;
        } catch (ProviderRejectedException | IllegalArgumentException e) {
            // a request the provider refuses, or an answer we cannot translate, will not improve by retrying
            steps.fail(tenantId, jobId, step, e.getMessage());
            return;
        }
        steps.commitPage(tenantId, jobId, step, work, page);
    }

    /** Asks the budget, waiting in place when the wait is short. */
    private RateBudget.Admission admit(PageWork work, String providerTenantId) {
        RateBudget.Admission admission = budget.admit(work.provider(), providerTenantId);
        while (!admission.admitted() && admission.retryAfter().compareTo(WAIT_IN_PLACE) <= 0) {
            try {
                Thread.sleep(Math.max(50, admission.retryAfter().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return admission;
            }
            admission = budget.admit(work.provider(), providerTenantId);
        }
        return admission;
    }

    private static String plainWords(RuntimeException e) {
        if (e instanceof TimeoutException) {
            return "The provider did not answer in time";
        }
        if (e instanceof CircuitBreakerOpenException) {
            return "The provider has been failing: calls are paused for a while (circuit open)";
        }
        if (e instanceof BulkheadException) {
            return "Too many calls to the provider in progress";
        }
        return e.getMessage();
    }
}
