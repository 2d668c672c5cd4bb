package io.kibly.engine.application;

import io.kibly.engine.domain.model.integration.Provider;
import java.time.Duration;

/**
 * Port: keeps the engine inside each provider's limits per provider tenant (Xero: 60 calls a minute, 5,000 a
 * day, 5 at once; QuickBooks: 500 a minute, 10 at once), so that a 429 is an accident rather than the way the
 * engine learns it went too fast.
 */
public interface RateBudget {

    /**
     * Asks to make one call now. Either the call is admitted (the returned admission holds a concurrency slot
     * until closed) or the answer says how long to wait before asking again.
     */
    Admission admit(Provider provider, String providerTenantId);

    /** The answer: {@link #admitted()} with a slot to close after the call, or a wait. */
    interface Admission extends AutoCloseable {
        boolean admitted();

        /** How long to wait before asking again (zero when admitted). */
        Duration retryAfter();

        @Override
        void close();
    }
}
