package io.kibly.sandbox.xero.accounting;

import io.kibly.sandbox.config.SandboxSettings;
import io.kibly.sandbox.faults.FaultInjector;
import io.kibly.sandbox.faults.FaultKind;
import io.kibly.sandbox.faults.FaultPlan;
import io.kibly.sandbox.faults.FaultSettings;
import io.kibly.sandbox.faults.Sleeper;
import io.kibly.sandbox.http.ApiResponse;
import io.kibly.sandbox.json.JsonBuilders;
import io.kibly.sandbox.stats.SandboxStats;
import io.kibly.sandbox.xero.data.BankTransaction;
import io.kibly.sandbox.xero.data.LedgerSlice;
import io.kibly.sandbox.xero.data.OrganisationLedger;
import io.kibly.sandbox.xero.data.TransactionFilter;
import io.kibly.sandbox.xero.data.XeroLedgers;
import io.kibly.sandbox.xero.ratelimit.RateLimitVerdict;
import io.kibly.sandbox.xero.ratelimit.XeroRateLimiter;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code GET /api.xro/2.0/BankTransactions}: tenant check, rate limit, injected faults, then one page in
 * {@code UpdatedDateUTC} order. A page with fewer rows than {@code pageSize} is the last.
 */
public final class BankTransactionsEndpoint {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1_000;

    private final Supplier<SandboxSettings> settings;
    private final XeroLedgers ledgers;
    private final XeroRateLimiter rateLimiter;
    private final SandboxStats stats;
    private final Clock clock;
    private final FaultInjector faults;
    private final BiPredicate<String, String> mayAccess;
    private final Predicate<String> revoked;

    public BankTransactionsEndpoint(Supplier<SandboxSettings> settings, XeroLedgers ledgers,
                                    XeroRateLimiter rateLimiter, SandboxStats stats, Clock clock,
                                    DoubleSupplier faultDice) {
        this(settings, ledgers, rateLimiter, stats, clock, faultDice, (authorization, tenant) -> true);
    }

    /** {@code mayAccess(authorization header, tenant id)} is asked only when access tokens are required. */
    public BankTransactionsEndpoint(Supplier<SandboxSettings> settings, XeroLedgers ledgers,
                                    XeroRateLimiter rateLimiter, SandboxStats stats, Clock clock,
                                    DoubleSupplier faultDice, BiPredicate<String, String> mayAccess) {
        this(settings, ledgers, rateLimiter, stats, clock,
                new FaultInjector(() -> FaultSettings.none(0).withUnavailableRate(settings.get().faultRate()),
                        faultDice, Sleeper.REAL),
                mayAccess, authorization -> false);
    }

    /**
     * {@code revoked(authorization header)} tells a bearer token whose grant was revoked through the admin API:
     * such a call answers 401 whether or not access tokens are required.
     */
    public BankTransactionsEndpoint(Supplier<SandboxSettings> settings, XeroLedgers ledgers,
                                    XeroRateLimiter rateLimiter, SandboxStats stats, Clock clock,
                                    FaultInjector faults, BiPredicate<String, String> mayAccess,
                                    Predicate<String> revoked) {
        this.mayAccess = mayAccess;
        this.revoked = revoked;
        this.settings = settings;
        this.ledgers = ledgers;
        this.rateLimiter = rateLimiter;
        this.stats = stats;
        this.clock = clock;
        this.faults = faults;
    }

    public ApiResponse get(BankTransactionsRequest request) {
        return guarded(request.tenantId(), request.authorization(),
                (ledger, current, headers) -> page(request, ledger, current, headers));
    }

    /** {@code GET /BankTransactions/{id}}: the same envelope with one transaction, or 404. */
    public ApiResponse getOne(String tenantId, String authorization, String id) {
        return guarded(tenantId, authorization, (ledger, current, headers) -> one(id, ledger, current, headers));
    }

    private interface Answer {
        ApiResponse of(OrganisationLedger ledger, SandboxSettings current, Map<String, String> headers);
    }

    /** What every Accounting API call goes through: tenant, access token, rate limits, injected faults. */
    private ApiResponse guarded(String tenantId, String authorization, Answer answer) {
        SandboxSettings current = settings.get();
        OrganisationLedger ledger = ledgers.of(tenantId).orElse(null);
        if (ledger == null) {
            return error(XeroApiException.validation(tenantId == null || tenantId.isBlank()
                    ? "The xero-tenant-id header is missing"
                    : "Unknown xero-tenant-id " + tenantId), Map.of());
        }
        String tenant = tenantId.trim().toLowerCase();
        if (revoked.test(authorization)) {
            stats.faultInjected(tenant);
            return unauthorized("TokenRevoked");
        }
        if (current.requireAccessToken() && !mayAccess.test(authorization, tenant)) {
            return forbidden(authorization);
        }
        try (RateLimitVerdict verdict = rateLimiter.acquire(tenant)) {
            if (!verdict.granted()) {
                stats.rateLimited(tenant);
                return new ApiResponse(429, verdict.headers(), null);
            }
            FaultPlan fault = faults.decide();
            if (fault.injected()) {
                stats.faultInjected(tenant);
                faults.delay(fault);
            }
            ApiResponse injected = injectedError(fault.kind(), verdict.headers());
            if (injected != null) {
                return injected;
            }
            try {
                ApiResponse response = answer.of(ledger, current, verdict.headers());
                stats.callServed(tenant);
                return fault.kind() == FaultKind.MALFORMED ? response.malformed() : response;
            } catch (XeroApiException e) {
                stats.callServed(tenant);
                return error(e, verdict.headers());
            }
        }
    }

    private ApiResponse one(String id, OrganisationLedger ledger, SandboxSettings current,
                            Map<String, String> headers) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw XeroApiException.validation("BankTransactionID is not a GUID: " + id);
        }
        BankTransaction transaction = ledger.find(uuid).orElseThrow(() -> new XeroApiException(404, 404,
                "NotFoundException", "The resource you're looking for cannot be found"));
        return new ApiResponse(200, headers, XeroJson.bankTransactionsEnvelope(UUID.randomUUID(),
                current.providerName(), clock.instant(), 1, 1, 1, List.of(transaction)));
    }

    private ApiResponse page(BankTransactionsRequest request, OrganisationLedger ledger, SandboxSettings current,
                             Map<String, String> headers) {
        int page = request.page() == null ? 1 : request.page();
        if (page < 1) {
            throw XeroApiException.validation("page must be 1 or more");
        }
        int pageSize = request.pageSize() == null ? DEFAULT_PAGE_SIZE
                : Math.max(1, Math.min(MAX_PAGE_SIZE, request.pageSize()));
        requireNaturalOrder(request.order());
        WhereClause where = WhereClause.parse(request.where());
        Instant modifiedAfter = request.ifModifiedSince() == null || request.ifModifiedSince().isBlank() ? null
                : IfModifiedSince.parse(request.ifModifiedSince());
        TransactionFilter filter = new TransactionFilter(modifiedAfter, where.statuses(), where.types());
        LedgerSlice slice = ledger.query(filter, (long) (page - 1) * pageSize, pageSize);
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.put("Content-Type", "application/json; charset=utf-8");
        return new ApiResponse(200, allHeaders, XeroJson.bankTransactionsEnvelope(UUID.randomUUID(),
                current.providerName(), clock.instant(), page, pageSize, slice.matchingCount(),
                slice.transactions()));
    }

    private static void requireNaturalOrder(String order) {
        if (order == null || order.isBlank()) {
            return;
        }
        String normalised = order.trim().replaceAll("\\s+", " ").toUpperCase();
        if (!normalised.equals("UPDATEDDATEUTC") && !normalised.equals("UPDATEDDATEUTC ASC")) {
            throw XeroApiException.queryParse("The sandbox orders only by UpdatedDateUTC ASC, not " + order);
        }
    }

    /** The 500, 503 or 504 of an injected fault in Xero's problem shape; null for none of those. */
    private static ApiResponse injectedError(FaultKind kind, Map<String, String> headers) {
        int status;
        String title;
        switch (kind) {
            case SERVER_ERROR -> {
                status = 500;
                title = "Internal Server Error";
            }
            case UNAVAILABLE -> {
                status = 503;
                title = "Service Unavailable";
            }
            case TIMEOUT -> {
                status = 504;
                title = "Gateway Timeout";
            }
            default -> {
                return null;
            }
        }
        return new ApiResponse(status, headers, JsonBuilders.object()
                .add("Title", title).add("Status", status).add("Detail", "Injected fault").build());
    }

    private static ApiResponse unauthorized(String detail) {
        return new ApiResponse(401, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""),
                JsonBuilders.object()
                        .addNull("Type")
                        .add("Title", "Unauthorized")
                        .add("Status", 401)
                        .add("Detail", detail)
                        .add("Instance", UUID.randomUUID().toString())
                        .addNull("Extensions")
                        .build());
    }

    /** Xero answers these two in its newer problem shape, not the Accounting API's error body. */
    private static ApiResponse forbidden(String authorization) {
        boolean noToken = authorization == null || authorization.isBlank();
        int status = noToken ? 401 : 403;
        return new ApiResponse(status, noToken ? Map.of("WWW-Authenticate", "Bearer") : Map.of(),
                JsonBuilders.object()
                        .addNull("Type")
                        .add("Title", noToken ? "Unauthorized" : "Forbidden")
                        .add("Status", status)
                        .add("Detail", noToken ? "TokenMissing" : "AuthenticationUnsuccessful")
                        .add("Instance", UUID.randomUUID().toString())
                        .addNull("Extensions")
                        .build());
    }

    private static ApiResponse error(XeroApiException e, Map<String, String> headers) {
        return new ApiResponse(e.httpStatus(), headers, XeroJson.error(e));
    }
}
