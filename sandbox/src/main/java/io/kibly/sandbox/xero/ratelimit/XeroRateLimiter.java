package io.kibly.sandbox.xero.ratelimit;

import io.kibly.sandbox.config.XeroLimits;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Decides whether a call may run. A refused call uses up nothing. The limits are read on every call, so a
 * change through the admin API takes effect at once.
 */
public final class XeroRateLimiter {

    private final Clock clock;
    private final Supplier<XeroLimits> limits;
    private final Map<String, TenantWindows> tenants = new ConcurrentHashMap<>();
    private final FixedWindow appMinute = new FixedWindow();

    public XeroRateLimiter(Clock clock, Supplier<XeroLimits> limits) {
        this.clock = clock;
        this.limits = limits;
    }

    public RateLimitVerdict acquire(String tenantId) {
        XeroLimits limit = limits.get();
        Instant now = clock.instant();
        TenantWindows tenant = tenants.computeIfAbsent(tenantId, id -> new TenantWindows());
        synchronized (this) {
            int dayLeft = tenant.day.remaining(now, limit.perDay(), limit.dayWindow());
            int minuteLeft = tenant.minute.remaining(now, limit.perMinute(), limit.minuteWindow());
            int appLeft = appMinute.remaining(now, limit.appPerMinute(), limit.minuteWindow());
            if (tenant.running >= limit.concurrent()) {
                return refused(RateLimitProblem.CONCURRENT, 1, dayLeft, minuteLeft, appLeft);
            }
            if (dayLeft == 0) {
                return refused(RateLimitProblem.DAY, tenant.day.secondsUntilReset(now, limit.dayWindow()),
                        dayLeft, minuteLeft, appLeft);
            }
            if (minuteLeft == 0) {
                return refused(RateLimitProblem.MINUTE, tenant.minute.secondsUntilReset(now, limit.minuteWindow()),
                        dayLeft, minuteLeft, appLeft);
            }
            if (appLeft == 0) {
                return refused(RateLimitProblem.APP_MINUTE, appMinute.secondsUntilReset(now, limit.minuteWindow()),
                        dayLeft, minuteLeft, appLeft);
            }
            tenant.day.use(now, limit.dayWindow());
            tenant.minute.use(now, limit.minuteWindow());
            appMinute.use(now, limit.minuteWindow());
            tenant.running++;
            return new RateLimitVerdict(null, 0, dayLeft - 1, minuteLeft - 1, appLeft - 1, () -> {
                synchronized (this) {
                    tenant.running--;
                }
            });
        }
    }

    public synchronized void reset() {
        tenants.clear();
        appMinute.clear();
    }

    private static RateLimitVerdict refused(RateLimitProblem problem, long retryAfter, int day, int minute, int app) {
        return new RateLimitVerdict(problem, retryAfter, day, minute, app, () -> { });
    }

    private static final class TenantWindows {
        final FixedWindow minute = new FixedWindow();
        final FixedWindow day = new FixedWindow();
        int running;
    }
}
