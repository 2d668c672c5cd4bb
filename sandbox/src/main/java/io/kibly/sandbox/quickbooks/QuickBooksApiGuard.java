package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.config.XeroLimits;
import io.kibly.sandbox.faults.FaultInjector;
import io.kibly.sandbox.faults.FaultKind;
import io.kibly.sandbox.faults.FaultPlan;
import io.kibly.sandbox.http.ApiResponse;
import io.kibly.sandbox.stats.SandboxStats;
import io.kibly.sandbox.xero.ratelimit.RateLimitVerdict;
import io.kibly.sandbox.xero.ratelimit.XeroRateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What every QBO API call goes through, in order: realm (403), revoked token (401), access token when required
 * (401), rate limit (429 without Retry-After: whether QBO sends one is not confirmed), injected faults, then the
 * answer. Every error is a {@code Fault} body.
 */
public final class QuickBooksApiGuard {

    private final QuickBooksSettings settings;
    private final Clock clock;
    private final SandboxStats stats;
    private final XeroRateLimiter limiter;
    private final FaultInjector faults;
    private final QuickBooksAccess access;
    private final BooleanSupplier requireAccessToken;

    public QuickBooksApiGuard(QuickBooksSettings settings, Clock clock, SandboxStats stats, FaultInjector faults,
                              QuickBooksAccess access, BooleanSupplier requireAccessToken) {
        this.settings = settings;
        this.clock = clock;
        this.stats = stats;
        this.faults = faults;
        this.access = access;
        this.requireAccessToken = requireAccessToken;
        // The same fixed-window mechanics as Xero's, with QBO's figures and no day or app-wide limit.
        XeroLimits limits = new XeroLimits(settings.perMinute(), Integer.MAX_VALUE, settings.concurrent(),
                Integer.MAX_VALUE, Duration.ofMinutes(1), Duration.ofDays(1));
        this.limiter = new XeroRateLimiter(clock, () -> limits);
    }

    /** {@code answer} may throw {@link IllegalArgumentException}: a 400 ValidationFault with its message. */
    public ApiResponse guarded(String realmId, String authorization, Supplier<ApiResponse> answer) {
        if (realmId == null || !settings.realms().containsKey(realmId)) {
            return new ApiResponse(403, Map.of(), QuickBooksJson.fault("AuthorizationFault", "403",
                    "Forbidden", "The realm " + realmId + " is not known to the sandbox", clock.instant()));
        }
        String statsKey = "qbo:" + realmId;
        if (access.isRevoked(authorization)) {
            stats.faultInjected(statsKey);
            return authenticationFault("The access token's grant was revoked");
        }
        if (requireAccessToken.getAsBoolean() && !access.mayAccess(authorization, realmId)) {
            return authenticationFault("A valid Bearer access token for this realm is required");
        }
        try (RateLimitVerdict verdict = limiter.acquire(realmId)) {
            if (!verdict.granted()) {
                stats.rateLimited(statsKey);
                return new ApiResponse(429, Map.of(), QuickBooksJson.fault("SERVICE", "003001",
                        "message=ThrottleExceeded; errorCode=003001; statusCode=429",
                        "The request limit was reached.", clock.instant()));
            }
            FaultPlan fault = faults.decide();
            if (fault.injected()) {
                stats.faultInjected(statsKey);
                faults.delay(fault);
            }
            ApiResponse injected = injectedError(fault.kind());
            if (injected != null) {
                return injected;
            }
            stats.callServed(statsKey);
            ApiResponse response;
            try {
                response = answer.get();
            } catch (IllegalArgumentException e) {
                return validationFault(e.getMessage());
            }
            return fault.kind() == FaultKind.MALFORMED ? response.malformed() : response;
        }
    }

    public void reset() {
        limiter.reset();
    }

    private ApiResponse validationFault(String detail) {
        String message = detail.startsWith("Error parsing query") ? "Error parsing query" : "Request has invalid "
                + "or unsupported property";
        return new ApiResponse(400, Map.of(), QuickBooksJson.fault("ValidationFault", "4000", message, detail,
                clock.instant()));
    }

    private ApiResponse authenticationFault(String detail) {
        return new ApiResponse(401, Map.of("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\""),
                QuickBooksJson.fault("AuthenticationFault", "3200",
                        "message=AuthenticationFailed; errorCode=003200; statusCode=401", detail, clock.instant()));
    }

    private ApiResponse injectedError(FaultKind kind) {
        return switch (kind) {
            case SERVER_ERROR -> systemFault(500, "An application error has occurred while processing your request");
            case UNAVAILABLE -> systemFault(503, "Service Unavailable");
            case TIMEOUT -> systemFault(504, "Gateway Timeout");
            default -> null;
        };
    }

    private ApiResponse systemFault(int status, String message) {
        return new ApiResponse(status, Map.of(), QuickBooksJson.fault("SystemFault", "10000", message,
                "Injected fault (HTTP " + status + ")", clock.instant()));
    }
}
