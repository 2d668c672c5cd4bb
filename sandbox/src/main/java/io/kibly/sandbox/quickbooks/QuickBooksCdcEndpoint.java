package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.http.ApiResponse;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v3/company/{realmId}/cdc?entities=Purchase,Deposit&changedSince=<ISO>}: what changed since then,
 * deletions as {@code {"status":"Deleted","Id":...}}. At most 30 days back and 1,000 objects in all per answer
 * (the entities in the order asked, each oldest first; deletions after the live ones); a client that gets 1,000
 * must ask again from the last time it saw.
 */
public final class QuickBooksCdcEndpoint {

    public static final Duration MAX_LOOKBACK = Duration.ofDays(30);
    public static final int MAX_OBJECTS = 1_000;

    private final QuickBooksBooks books;
    private final QuickBooksApiGuard guard;
    private final Clock clock;

    public QuickBooksCdcEndpoint(QuickBooksBooks books, QuickBooksApiGuard guard, Clock clock) {
        this.books = books;
        this.guard = guard;
        this.clock = clock;
    }

    public ApiResponse changes(String realmId, String authorization, String entities, String changedSince) {
        return guard.guarded(realmId, authorization, () -> answer(realmId, entities, changedSince));
    }

    private ApiResponse answer(String realmId, String entities, String changedSince) {
        Instant since = parseSince(changedSince);
        List<String> asked = parseEntities(entities);
        RealmBooks realm = books.of(realmId).orElseThrow();
        Map<String, List<JsonObject>> rowsByEntity = new LinkedHashMap<>();
        int budget = MAX_OBJECTS;
        for (String entity : asked) {
            EntityLedger<? extends QboEntity> ledger = entity.equals("Purchase") ? realm.purchases()
                    : realm.deposits();
            List<JsonObject> rows = new ArrayList<>();
            ledger.list(since, 0, budget).forEach(e -> rows.add(QuickBooksJson.entity(e)));
            for (Deletion deletion : ledger.deletedAfter(since)) {
                if (rows.size() >= budget) {
                    break;
                }
                rows.add(QuickBooksJson.deleted(deletion));
            }
            budget -= rows.size();
            rowsByEntity.put(entity, rows);
        }
        return new ApiResponse(200, Map.of(), QuickBooksJson.cdcResponse(rowsByEntity, clock.instant()));
    }

    private Instant parseSince(String changedSince) {
        if (changedSince == null || changedSince.isBlank()) {
            throw new IllegalArgumentException("changedSince is required");
        }
        Instant since;
        try {
            since = OffsetDateTime.parse(changedSince.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("changedSince is not an ISO date-time with offset: " + changedSince);
        }
        if (since.isBefore(clock.instant().minus(MAX_LOOKBACK))) {
            throw new IllegalArgumentException("changedSince may be at most 30 days back: " + changedSince);
        }
        return since;
    }

    private static List<String> parseEntities(String entities) {
        if (entities == null || entities.isBlank()) {
            throw new IllegalArgumentException("entities is required");
        }
        List<String> asked = new ArrayList<>();
        for (String name : entities.split(",")) {
            String entity = switch (name.trim().toLowerCase()) {
                case "purchase" -> "Purchase";
                case "deposit" -> "Deposit";
                default -> throw new IllegalArgumentException("The sandbox's CDC knows only Purchase and Deposit, "
                        + "not " + name.trim());
            };
            if (!asked.contains(entity)) {
                asked.add(entity);
            }
        }
        return asked;
    }
}
