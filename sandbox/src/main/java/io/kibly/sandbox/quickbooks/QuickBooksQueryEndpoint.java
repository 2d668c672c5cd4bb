package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.config.XeroLimits;
import io.kibly.sandbox.http.ApiResponse;
import io.kibly.sandbox.stats.SandboxStats;
import io.kibly.sandbox.xero.ratelimit.RateLimitVerdict;
import io.kibly.sandbox.xero.ratelimit.XeroRateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v3/company/{realmId}/query?query=...} for Purchases. Whether QBO's 429 carries Retry-After is not
 * confirmed, so the sandbox sends none: clients must cope with its absence.
 */
public final class QuickBooksQueryEndpoint {

    private final QuickBooksSettings settings;
    private final Clock clock;
    private final SandboxStats stats;
    private final XeroRateLimiter limiter;

    public QuickBooksQueryEndpoint(QuickBooksSettings settings, Clock clock, SandboxStats stats) {
        this.settings = settings;
        this.clock = clock;
        this.stats = stats;
        // The same fixed-window mechanics as Xero's, with QBO's figures and no day or app-wide limit.
        XeroLimits limits = new XeroLimits(settings.perMinute(), Integer.MAX_VALUE, settings.concurrent(),
                Integer.MAX_VALUE, Duration.ofMinutes(1), Duration.ofDays(1));
        this.limiter = new XeroRateLimiter(clock, () -> limits);
    }

    public ApiResponse query(String realmId, String query) {
        if (realmId == null || !settings.realms().containsKey(realmId)) {
            return new ApiResponse(403, Map.of(), QuickBooksJson.fault("AuthorizationFault", "403",
                    "Forbidden", "The realm " + realmId + " is not known to the sandbox", clock.instant()));
        }
        String statsKey = "qbo:" + realmId;
        try (RateLimitVerdict verdict = limiter.acquire(realmId)) {
            if (!verdict.granted()) {
                stats.rateLimited(statsKey);
                return new ApiResponse(429, Map.of(), QuickBooksJson.fault("SERVICE", "003001",
                        "message=ThrottleExceeded; errorCode=003001; statusCode=429",
                        "The request limit was reached.", clock.instant()));
            }
            stats.callServed(statsKey);
            PurchaseQuery parsed;
            try {
                parsed = PurchaseQuery.parse(query);
            } catch (IllegalArgumentException e) {
                return new ApiResponse(400, Map.of(), QuickBooksJson.fault("ValidationFault", "4000",
                        "Error parsing query", e.getMessage(), clock.instant()));
            }
            PurchaseGenerator generator = new PurchaseGenerator(settings.seed(), realmId);
            long first = (parsed.updatedAfter() == null ? 0 : generator.firstIndexUpdatedAfter(parsed.updatedAfter()))
                    + parsed.startPosition() - 1;
            long end = Math.min(settings.purchasesPerRealm(), first + parsed.maxResults());
            List<Purchase> rows = new ArrayList<>();
            for (long index = first; index < end; index++) {
                rows.add(generator.generate(index));
            }
            return new ApiResponse(200, Map.of(),
                    QuickBooksJson.queryResponse(rows, parsed.startPosition(), clock.instant()));
        }
    }
}
