package io.kibly.engine.application;

import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.domain.model.sync.PageOutcome;

/** CDI events the application fires for monitoring; observers see them after the transaction commits. */
public final class EngineEvents {

    private EngineEvents() {
    }

    /** A page of a sync was stored. */
    public record PageStored(Provider provider, PageOutcome outcome) {
    }

    /** A provider call ended: {@code outcome} is ok, throttled, failed or refused. */
    public record ProviderCalled(Provider provider, String outcome) {
    }

    /** A grant was refreshed. */
    public record TokensRefreshed(Provider provider) {
    }
}
