package io.kibly.engine.infrastructure.provider.ratelimit;

import io.kibly.engine.application.RateBudget;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.infrastructure.provider.ratelimit.ProviderCallLog.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate budget: call counts shared through {@link ProviderCallLog} (across servers), concurrency gated per
 * server by one semaphore per provider tenant. With several servers, give each {@code concurrent / servers}.
 */
@ApplicationScoped
public class SharedRateBudget implements RateBudget {

    /** How long a caller may queue for a concurrency slot before it is told to come back later. */
    private static final Duration SLOT_WAIT = Duration.ofSeconds(2);

    @Inject
    ProviderCallLog calls;

    @Inject
    @ConfigProperty(name = "kibly.rate.xero.per-minute", defaultValue = "60")
    int xeroPerMinute;
    @Inject
    @ConfigProperty(name = "kibly.rate.xero.per-day", defaultValue = "5000")
    int xeroPerDay;
    @Inject
    @ConfigProperty(name = "kibly.rate.xero.concurrent", defaultValue = "5")
    int xeroConcurrent;
    @Inject
    @ConfigProperty(name = "kibly.rate.quickbooks.per-minute", defaultValue = "500")
    int quickbooksPerMinute;
    @Inject
    @ConfigProperty(name = "kibly.rate.quickbooks.concurrent", defaultValue = "10")
    int quickbooksConcurrent;
    /** Added to each window: clocks and network delays differ between us and the provider. */
    @Inject
    @ConfigProperty(name = "kibly.rate.window-margin-ms", defaultValue = "1500")
    long windowMarginMillis;

    private final ConcurrentMap<String, Semaphore> slots = new ConcurrentHashMap<>();

    @Override
    public Admission admit(Provider provider, String providerTenantId) {
        String key = provider.apiName() + ":" + providerTenantId;
        Semaphore gate = slots.computeIfAbsent(key, k -> new Semaphore(concurrent(provider), true));
        try {
            if (!gate.tryAcquire(SLOT_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return waitFor(Duration.ofMillis(500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return waitFor(Duration.ofMillis(500));
        }
        Limit[] limits = limits(provider);
        Duration wait;
        try {
            wait = limits.length == 0 ? Duration.ZERO : calls.reserve(key, limits);
        } catch (RuntimeException e) {
            gate.release();
            throw e;
        }
        if (!wait.isZero()) {
            gate.release();
            return waitFor(wait);
        }
        return new Admission() {
            private boolean open = true;

            @Override
            public boolean admitted() {
                return true;
            }

            @Override
            public Duration retryAfter() {
                return Duration.ZERO;
            }

            @Override
            public synchronized void close() {
                if (open) {
                    open = false;
                    gate.release();
                }
            }
        };
    }

    private Limit[] limits(Provider provider) {
        Duration margin = Duration.ofMillis(windowMarginMillis);
        java.util.stream.Stream<Limit> limits = provider == Provider.XERO
                ? java.util.stream.Stream.of(new Limit(xeroPerMinute, Duration.ofMinutes(1).plus(margin)),
                        new Limit(xeroPerDay, Duration.ofDays(1).plus(margin)))
                : java.util.stream.Stream.of(new Limit(quickbooksPerMinute, Duration.ofMinutes(1).plus(margin)));
        // a limit of 0 or less is lifted (benchmarks against a sandbox without limits)
        return limits.filter(limit -> limit.calls() > 0).toArray(Limit[]::new);
    }

    private int concurrent(Provider provider) {
        return provider == Provider.XERO ? xeroConcurrent : quickbooksConcurrent;
    }

    private static Admission waitFor(Duration wait) {
        return new Admission() {
            @Override
            public boolean admitted() {
                return false;
            }

            @Override
            public Duration retryAfter() {
                return wait;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
