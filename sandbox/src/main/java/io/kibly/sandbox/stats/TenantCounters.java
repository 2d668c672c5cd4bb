package io.kibly.sandbox.stats;

import java.util.concurrent.atomic.AtomicLong;

public final class TenantCounters {

    final AtomicLong callsServed = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong tokenRefreshes = new AtomicLong();
    final AtomicLong faultsInjected = new AtomicLong();

    public long callsServed() {
        return callsServed.get();
    }

    public long rateLimited() {
        return rateLimited.get();
    }

    public long tokenRefreshes() {
        return tokenRefreshes.get();
    }

    public long faultsInjected() {
        return faultsInjected.get();
    }
}
