package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.faults.FaultInjector;
import io.kibly.sandbox.faults.FaultSettings;
import io.kibly.sandbox.faults.Sleeper;
import io.kibly.sandbox.http.ApiResponse;
import io.kibly.sandbox.stats.SandboxStats;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** {@code GET /v3/company/{realmId}/query?query=...} for Purchases and Deposits. */
public final class QuickBooksQueryEndpoint {

    private final QuickBooksBooks books;
    private final QuickBooksApiGuard guard;
    private final Clock clock;

    /** Its own books, no faults, no token checks. */
    public QuickBooksQueryEndpoint(QuickBooksSettings settings, Clock clock, SandboxStats stats) {
        this(new QuickBooksBooks(settings, clock), new QuickBooksApiGuard(settings, clock, stats,
                new FaultInjector(() -> FaultSettings.none(0), () -> 1.0, Sleeper.REAL), QuickBooksAccess.OPEN,
                () -> false), clock);
    }

    public QuickBooksQueryEndpoint(QuickBooksBooks books, QuickBooksApiGuard guard, Clock clock) {
        this.books = books;
        this.guard = guard;
        this.clock = clock;
    }

    public ApiResponse query(String realmId, String query) {
        return query(realmId, null, query);
    }

    public ApiResponse query(String realmId, String authorization, String query) {
        return guard.guarded(realmId, authorization, () -> answer(realmId, EntityQuery.parse(query)));
    }

    private ApiResponse answer(String realmId, EntityQuery query) {
        RealmBooks realm = books.of(realmId).orElseThrow();
        EntityLedger<? extends QboEntity> ledger = query.entity().equals("Purchase") ? realm.purchases()
                : realm.deposits();
        List<JsonObject> rows = ledger.list(query.updatedAfter(), query.startPosition() - 1, query.maxResults())
                .stream().map(QuickBooksJson::entity).toList();
        return new ApiResponse(200, Map.of(), QuickBooksJson.queryResponse(query.entity(), rows,
                query.startPosition(), clock.instant()));
    }
}
