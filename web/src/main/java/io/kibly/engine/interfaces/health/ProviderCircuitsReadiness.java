package io.kibly.engine.interfaces.health;

import io.kibly.engine.infrastructure.monitoring.ProviderHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The providers' circuits as the workers last met them (closed, open, half-open), with consecutive failures and
 * the last outcome. Always UP: a provider outage pauses that provider's syncs (their jobs wait and retry), it
 * does not make the engine unfit to serve its API.
 */
@Readiness
@ApplicationScoped
public class ProviderCircuitsReadiness implements HealthCheck {

    @Inject
    ProviderHealth providers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("provider-circuits").up();
        providers.states().forEach((provider, state) -> response
                .withData(provider.apiName() + ".circuit", state.circuit())
                .withData(provider.apiName() + ".consecutiveFailures", state.consecutiveFailures())
                .withData(provider.apiName() + ".lastOutcome", String.valueOf(state.lastOutcome())));
        return response.build();
    }
}
