package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.MutableClock;
import io.kibly.sandbox.faults.FaultInjector;
import io.kibly.sandbox.faults.FaultSettings;
import io.kibly.sandbox.http.ApiResponse;
import io.kibly.sandbox.stats.SandboxStats;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickBooksChangesTest {

    private static final String REALM = "123145";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final SandboxStats stats = new SandboxStats();
    private final QuickBooksSettings settings = new QuickBooksSettings(7, Map.of(REALM, "Sandbox Company"), 2_500,
            500, 500, 10);
    private final QuickBooksBooks books = new QuickBooksBooks(settings, clock);
    private final AtomicReference<FaultSettings> faults = new AtomicReference<>(FaultSettings.none(1));
    private final List<Double> rolls = new ArrayList<>();
    private final List<Long> slept = new ArrayList<>();
    private final List<String> revoked = new ArrayList<>();
    private final QuickBooksApiGuard guard = new QuickBooksApiGuard(settings, clock, stats,
            new FaultInjector(faults::get, () -> rolls.remove(0), slept::add), new QuickBooksAccess() {
        @Override
        public boolean isRevoked(String authorization) {
            return revoked.contains(authorization);
        }

        @Override
        public boolean mayAccess(String authorization, String realmId) {
            return true;
        }
    }, () -> false);
    private final QuickBooksQueryEndpoint query = new QuickBooksQueryEndpoint(books, guard, clock);
    private final QuickBooksCdcEndpoint cdc = new QuickBooksCdcEndpoint(books, guard, clock);

    private static JsonObject purchaseDraft(String... amounts) {
        var lines = Json.createArrayBuilder();
        for (String amount : amounts) {
            lines.add(Json.createObjectBuilder().add("Amount", new BigDecimal(amount))
                    .add("AccountBasedExpenseLineDetail", Json.createObjectBuilder()
                            .add("AccountRef", Json.createObjectBuilder().add("value", "7").add("name", "Advertising"))));
        }
        return Json.createObjectBuilder().add("PaymentType", "Check").add("TxnDate", "2026-01-04")
                .add("Line", lines).build();
    }

    private JsonArray cdcEntities(String entities, String since) {
        ApiResponse response = cdc.changes(REALM, null, entities, since);
        assertEquals(200, response.status(), () -> response.body().toString());
        return response.body().getJsonArray("CDCResponse").getJsonObject(0).getJsonArray("QueryResponse");
    }

    @Test
    void depositsAreQueriedLikePurchases() {
        ApiResponse response = query.query(REALM, "SELECT * FROM Deposit STARTPOSITION 1 MAXRESULTS 3");
        JsonObject result = response.body().getJsonObject("QueryResponse");
        assertEquals(3, result.getInt("maxResults"));
        JsonObject first = result.getJsonArray("Deposit").getJsonObject(0);
        assertEquals(new DepositGenerator(7, REALM).generate(0), books.of(REALM).orElseThrow().deposits()
                .find("1").orElseThrow());
        assertEquals("1", first.getString("Id"));
        assertEquals("0", first.getString("SyncToken"));
        assertTrue(first.getJsonObject("DepositToAccountRef").containsKey("value"));
        BigDecimal lines = BigDecimal.ZERO;
        for (var line : first.getJsonArray("Line")) {
            assertEquals("DepositLineDetail", line.asJsonObject().getString("DetailType"));
            lines = lines.add(line.asJsonObject().getJsonNumber("Amount").bigDecimalValue());
        }
        assertEquals(first.getJsonNumber("TotalAmt").bigDecimalValue(), lines);
        JsonArray last = query.query(REALM, "SELECT * FROM Deposit STARTPOSITION 499 MAXRESULTS 10").body()
                .getJsonObject("QueryResponse").getJsonArray("Deposit");
        assertEquals(List.of("499", "500"), last.stream().map(v -> v.asJsonObject().getString("Id")).toList());
    }

    @Test
    void editsBumpSyncTokenAndMoveTheEntityToTheEnd() {
        EntityLedger<Purchase> purchases = books.of(REALM).orElseThrow().purchases();
        Purchase edited = purchases.replace("5", QuickBooksEntityReader.purchase(purchaseDraft("10.00", "2.5")));
        assertEquals("1", edited.syncToken());
        assertEquals(new BigDecimal("12.50"), edited.totalAmt());
        assertEquals("2026-01-05T02:00-08:00", edited.lastUpdatedTime().toString());
        assertEquals(new PurchaseGenerator(7, REALM).generate(4).createTime(), edited.createTime());
        clock.advance(Duration.ofMinutes(1));
        assertEquals("2", purchases.replace("5", QuickBooksEntityReader.purchase(purchaseDraft("1"))).syncToken());
        Purchase added = purchases.add(QuickBooksEntityReader.purchase(purchaseDraft("3")));
        assertEquals("2501", added.id());
        assertEquals("0", added.syncToken());

        JsonArray rows = query.query(REALM, "SELECT * FROM Purchase ORDERBY Metadata.LastUpdatedTime "
                + "STARTPOSITION 2498 MAXRESULTS 1000").body().getJsonObject("QueryResponse").getJsonArray("Purchase");
        assertEquals(List.of("2499", "2500", "5", "2501"),
                rows.stream().map(v -> v.asJsonObject().getString("Id")).toList());
        assertEquals("2026-01-05T02:01:00-08:00", rows.getJsonObject(2).getJsonObject("MetaData")
                .getString("LastUpdatedTime"));
        assertThrows(UnknownEntityException.class, () -> purchases.replace("9999",
                QuickBooksEntityReader.purchase(purchaseDraft("1"))));
    }

    @Test
    void cdcReportsChangesAndDeletionsSinceThen() {
        RealmBooks realm = books.of(REALM).orElseThrow();
        clock.advance(Duration.ofHours(1));
        realm.purchases().replace("7", QuickBooksEntityReader.purchase(purchaseDraft("4")));
        clock.advance(Duration.ofMinutes(1));
        realm.deposits().delete("3");
        assertTrue(realm.deposits().find("3").isEmpty());
        JsonArray entities = cdcEntities("Purchase,Deposit", "2026-01-05T10:30:00Z");
        assertEquals(2, entities.size());
        JsonArray purchases = entities.getJsonObject(0).getJsonArray("Purchase");
        assertEquals(1, purchases.size());
        assertEquals("7", purchases.getJsonObject(0).getString("Id"));
        assertEquals("1", purchases.getJsonObject(0).getString("SyncToken"));
        assertEquals(Json.createObjectBuilder().add("domain", "QBO").add("status", "Deleted").add("Id", "3")
                        .add("MetaData", Json.createObjectBuilder().add("LastUpdatedTime", "2026-01-05T03:01:00-08:00"))
                        .build(),
                entities.getJsonObject(1).getJsonArray("Deposit").getJsonObject(0));
        JsonArray later = cdcEntities("Deposit", "2026-01-05T11:30:00Z");
        assertEquals(List.of(Json.createObjectBuilder().build()), later.stream().toList());
        assertFalse(query.query(REALM, "SELECT * FROM Deposit STARTPOSITION 1 MAXRESULTS 5").body()
                .getJsonObject("QueryResponse").getJsonArray("Deposit").stream()
                .anyMatch(v -> v.asJsonObject().getString("Id").equals("3")));
    }

    @Test
    void cdcGoesBackThirtyDaysAtMostAndAnswersAtMostAThousandObjects() {
        ApiResponse tooOld = cdc.changes(REALM, null, "Purchase", "2025-12-06T09:59:59Z");
        assertEquals(400, tooOld.status());
        assertEquals("ValidationFault", tooOld.body().getJsonObject("Fault").getString("type"));
        assertEquals(400, cdc.changes(REALM, null, "Invoice", "2026-01-01T00:00:00Z").status());
        EntityLedger<Purchase> purchases = books.of(REALM).orElseThrow().purchases();
        for (int i = 0; i < 700; i++) {
            purchases.add(QuickBooksEntityReader.purchase(purchaseDraft("1")));
        }
        EntityLedger<Deposit> deposits = books.of(REALM).orElseThrow().deposits();
        for (int i = 1; i <= 400; i++) {
            deposits.delete(Integer.toString(i));
        }
        JsonArray entities = cdcEntities("Purchase,Deposit", "2026-01-01T00:00:00Z");
        assertEquals(700, entities.getJsonObject(0).getJsonArray("Purchase").size());
        assertEquals(300, entities.getJsonObject(1).getJsonArray("Deposit").size());
        assertEquals(300, entities.getJsonObject(1).getInt("maxResults"));
    }

    @Test
    void faultsAreFaultBodiesAndCounted() {
        faults.set(new FaultSettings(0.25, 0.25, 0.5, 1_200, 0.25, 30_000, 0.25, 1));
        rolls.addAll(List.of(0.1, 0.3, 0.9, 0.6, 0.9, 0.8, 0.1));
        ApiResponse timeout = query.query(REALM, "SELECT * FROM Purchase MAXRESULTS 1");
        assertEquals(504, timeout.status());
        assertEquals("SystemFault", timeout.body().getJsonObject("Fault").getString("type"));
        assertEquals(500, query.query(REALM, "SELECT * FROM Purchase MAXRESULTS 1").status());
        assertEquals(503, cdc.changes(REALM, null, "Purchase", "2026-01-01T00:00:00Z").status());
        ApiResponse malformed = query.query(REALM, "SELECT * FROM Purchase MAXRESULTS 1");
        assertEquals(200, malformed.status());
        assertEquals(malformed.body().toString().substring(0, malformed.body().toString().length() / 2),
                malformed.rawBody());
        assertEquals(List.of(30_000L, 1_200L), slept);
        assertEquals(4, stats.of("qbo:" + REALM).faultsInjected());
        assertEquals(1, stats.of("qbo:" + REALM).callsServed());
    }

    @Test
    void aRevokedTokenIsAnAuthenticationFault() {
        revoked.add("Bearer old");
        ApiResponse response = query.query(REALM, "Bearer old", "SELECT * FROM Purchase");
        assertEquals(401, response.status());
        JsonObject error = response.body().getJsonObject("Fault").getJsonArray("Error").getJsonObject(0);
        assertEquals("AuthenticationFault", response.body().getJsonObject("Fault").getString("type"));
        assertEquals("3200", error.getString("code"));
        assertEquals(List.of("Message", "Detail", "code", "element"), List.copyOf(error.keySet()));
        assertEquals(1, stats.of("qbo:" + REALM).faultsInjected());
    }
}
