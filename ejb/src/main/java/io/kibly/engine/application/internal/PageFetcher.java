package io.kibly.engine.application.internal;

import io.kibly.engine.application.EngineEvents;
import io.kibly.engine.application.GrantRevokedException;
import io.kibly.engine.application.LedgerGateway;
import io.kibly.engine.application.LedgerGateway.LedgerPage;
import io.kibly.engine.application.ProviderRejectedException;
import io.kibly.engine.application.ProviderThrottledException;
import io.kibly.engine.application.ProviderUnavailableException;
import io.kibly.engine.application.RateBudget;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * One provider page, fetched the way every worker fetches: a valid access token, admission by the shared rate
 * budget (short waits spent in place), the gateway call, and every failure sorted into what the caller does
 * next. Runs outside database transactions. Shared by the queue workers and the batch import's partitions.
 */
@ApplicationScoped
public class PageFetcher {

    /** A wait this short is spent in place; a longer one is the caller's to schedule. */
    static final Duration WAIT_IN_PLACE = Duration.ofSeconds(3);

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

    /** What became of the fetch. */
    public sealed interface Fetched {
    }

    public record Page(LedgerPage page) implements Fetched {
    }

    /** Not now: the budget or the provider (a 429 when {@code providerRefused}) says wait. */
    public record Wait(Duration delay, boolean providerRefused) implements Fetched {
    }

    /** A failure that may pass: retry after a backoff. */
    public record Transient(String error) implements Fetched {
    }

    /** A failure retrying will not mend; {@code reauthorise} when the grant is gone. */
    public record Permanent(String error, boolean reauthorise) implements Fetched {
    }

    public Fetched fetch(TenantId tenantId, UUID integrationId, Provider provider, String entity, Instant since,
            int page) {
        return fetch(tenantId, integrationId, provider, entity, since, page, pageSize);
    }

    public Fetched fetch(TenantId tenantId, UUID integrationId, Provider provider, String entity, Instant since,
            int page, int size) {
        ConnectionSteps.Access token;
        try {
            token = connections.validAccessToken(tenantId, integrationId);
        } catch (ProviderUnavailableException e) {
            return new Transient("Refreshing the access token failed: " + e.getMessage());
        }
        if (token.reauthorisationReason() != null) {
            return new Permanent("The integration needs re-authorisation: " + token.reauthorisationReason(), false);
        }
        LedgerGateway.PageRequest request = new LedgerGateway.PageRequest(token.accessToken(), token.providerTenantId(),
                entity, since, page, size);
        try (RateBudget.Admission admission = admit(provider, token.providerTenantId())) {
            if (!admission.admitted()) {
                return new Wait(admission.retryAfter(), false);
            }
            LedgerPage fetched = gateway.fetch(provider, request);
            calls.fire(new EngineEvents.ProviderCalled(provider, "ok"));
            return new Page(fetched);
        } catch (ProviderThrottledException e) {
            calls.fire(new EngineEvents.ProviderCalled(provider, "throttled"));
            return new Wait(e.retryAfter(), true);
        } catch (ProviderUnavailableException | TimeoutException | CircuitBreakerOpenException | BulkheadException e) {
            calls.fire(new EngineEvents.ProviderCalled(provider,
                    e instanceof CircuitBreakerOpenException ? "circuit-open" : "failed"));
            return new Transient(plainWords(e));
        } catch (GrantRevokedException e) {
            calls.fire(new EngineEvents.ProviderCalled(provider, "refused"));
            connections.requireReauthorisation(tenantId, integrationId, e.getMessage());
            return new Permanent(e.getMessage() + ": authorise the integration again", true);
        } catch (ProviderRejectedException | IllegalArgumentException e) {
            // a request the provider refuses, or an answer we cannot translate, will not improve by retrying
            return new Permanent(e.getMessage(), false);
        }
    }

    /** Asks the budget, waiting in place when the wait is short. */
    private RateBudget.Admission admit(Provider provider, String providerTenantId) {
        RateBudget.Admission admission = budget.admit(provider, providerTenantId);
        while (!admission.admitted() && admission.retryAfter().compareTo(WAIT_IN_PLACE) <= 0) {
            try {
                Thread.sleep(Math.max(50, admission.retryAfter().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return admission;
            }
            admission = budget.admit(provider, providerTenantId);
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
