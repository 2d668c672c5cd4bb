package io.kibly.engine.infrastructure.monitoring;

import io.kibly.engine.application.EngineEvents.ProviderCalled;
import io.kibly.engine.domain.model.integration.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the workers last saw of each provider: consecutive failures, the last outcome, and whether the circuit
 * breaker was found open lately (its calls are paused for 20 s after it opens). Read by the readiness check.
 */
@ApplicationScoped
public class ProviderHealth {

    private static final Duration CIRCUIT_DELAY = Duration.ofSeconds(20);

    /** One provider's state as the readiness check shows it. */
    public record State(String circuit, int consecutiveFailures, String lastOutcome, Instant lastCall) {
    }

    private final Map<Provider, State> states = new EnumMap<>(Provider.class);

    synchronized void called(@Observes ProviderCalled call) {
        State before = states.getOrDefault(call.provider(), new State("closed", 0, null, null));
        Instant now = Instant.now();
        boolean failed = call.outcome().equals("failed") || call.outcome().equals("circuit-open");
        String circuit = call.outcome().equals("circuit-open") ? "open"
                : call.outcome().equals("ok") ? "closed" : before.circuit();
        states.put(call.provider(), new State(circuit, failed ? before.consecutiveFailures() + 1 : 0,
                call.outcome(), now));
    }

    public synchronized Map<Provider, State> states() {
        Map<Provider, State> copy = new EnumMap<>(Provider.class);
        Instant now = Instant.now();
        for (Provider provider : Provider.values()) {
            State state = states.getOrDefault(provider, new State("closed", 0, "none yet", null));
            // an open circuit half-opens after its delay: report what the next call will meet
            if (state.circuit().equals("open") && state.lastCall() != null
                    && state.lastCall().plus(CIRCUIT_DELAY).isBefore(now)) {
                state = new State("half-open", state.consecutiveFailures(), state.lastOutcome(), state.lastCall());
            }
            copy.put(provider, state);
        }
        return copy;
    }
}
