package io.kibly.sandbox.xero.accounting;

import io.kibly.sandbox.MutableClock;
import io.kibly.sandbox.config.SandboxSettings;
import io.kibly.sandbox.config.SettingsSource;
import io.kibly.sandbox.http.ApiResponse;
import io.kibly.sandbox.stats.SandboxStats;
import io.kibly.sandbox.xero.data.BankTransaction;
import io.kibly.sandbox.xero.data.BankTransactionGenerator;
import io.kibly.sandbox.xero.data.MicrosoftJsonDate;
import io.kibly.sandbox.xero.data.OrganisationLedger;
import io.kibly.sandbox.xero.data.TransactionStatus;
import io.kibly.sandbox.xero.data.XeroLedgers;
import io.kibly.sandbox.xero.ratelimit.XeroRateLimiter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankTransactionsEndpointTest {

    private static final String TENANT = "tenant-a";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final SandboxSettings settings = new SettingsSource(Map.of(
            "sandbox.seed", "7",
            "sandbox.xero.organisations", TENANT + ":Alpha Ltd,tenant-b:Beta Ltd",
            "sandbox.xero.transactionsPerOrganisation", "2500",
            "sandbox.xero.limit.perMinute", "1000")::get).read();
    private final XeroLedgers ledgers = new XeroLedgers(settings, clock);
    private final SandboxStats stats = new SandboxStats();
    private final BankTransactionsEndpoint endpoint = new BankTransactionsEndpoint(() -> settings, ledgers,
            new XeroRateLimiter(clock, settings::xeroLimits), stats, clock, () -> 0.5);

    private ApiResponse get(Integer page, Integer pageSize, String where, String ifModifiedSince) {
        return endpoint.get(new BankTransactionsRequest(TENANT, page, pageSize, where, null, ifModifiedSince));
    }

    @Test
    void pagesOf2500TransactionsAt1000AreFull_Full_HalfAndThenEmpty() {
        int[] expectedRows = {1000, 1000, 500, 0};
        String previousUpdated = null;
        for (int page = 1; page <= 4; page++) {
            ApiResponse response = get(page, 1000, null, null);
            assertEquals(200, response.status());
            JsonObject pagination = response.body().getJsonObject("pagination");
            assertEquals(page, pagination.getInt("page"));
            assertEquals(1000, pagination.getInt("pageSize"));
            assertEquals(3, pagination.getInt("pageCount"));
            assertEquals(2500, pagination.getInt("itemCount"));
            JsonArray rows = response.body().getJsonArray("BankTransactions");
            assertEquals(expectedRows[page - 1], rows.size());
            for (JsonValue row : rows) {
                String updated = row.asJsonObject().getString("UpdatedDateUTC");
                if (previousUpdated != null) {
                    assertTrue(MicrosoftJsonDate.parse(updated).isAfter(MicrosoftJsonDate.parse(previousUpdated)));
                }
                previousUpdated = updated;
            }
        }
        assertEquals(4, stats.of(TENANT).callsServed());
    }

    @Test
    void defaultsToPage1Of100AndCapsThePageSizeAt1000() {
        JsonObject body = get(null, null, null, null).body();
        assertEquals(100, body.getJsonArray("BankTransactions").size());
        assertEquals(25, body.getJsonObject("pagination").getInt("pageCount"));
        assertEquals(1000, get(1, 5000, null, null).body().getJsonArray("BankTransactions").size());
    }

    @Test
    void ifModifiedSinceReturnsOnlyTransactionsUpdatedAfterIt() {
        BankTransactionGenerator generator = ledgers.of(TENANT).orElseThrow().generator();
        Instant since = generator.updatedOf(1999);
        ApiResponse response = get(1, 1000, null, since.toString());
        JsonArray rows = response.body().getJsonArray("BankTransactions");
        assertEquals(500, rows.size());
        assertEquals(generator.generate(2000).bankTransactionId().toString(),
                rows.getJsonObject(0).getString("BankTransactionID"));
        assertEquals(generator.generate(2499).bankTransactionId().toString(),
                rows.getJsonObject(499).getString("BankTransactionID"));
        // Xero's form without an offset means UTC.
        String local = since.toString().replace("Z", "");
        assertEquals(500, get(1, 1000, null, local).body().getJsonObject("pagination").getInt("itemCount"));
    }

    @Test
    void whereStatusKeepsOnlyThatStatus() {
        BankTransactionGenerator generator = ledgers.of(TENANT).orElseThrow().generator();
        long authorised = 0;
        for (long index = 0; index < 2500; index++) {
            authorised += generator.statusOf(index) == TransactionStatus.AUTHORISED ? 1 : 0;
        }
        JsonObject body = get(1, 1000, "Status==\"AUTHORISED\"", null).body();
        assertEquals(authorised, body.getJsonObject("pagination").getInt("itemCount"));
        assertTrue(authorised < 2500);
        body.getJsonArray("BankTransactions").forEach(row ->
                assertEquals("AUTHORISED", row.asJsonObject().getString("Status")));
        JsonObject deleted = get(1, 1000, "Status == \"DELETED\"", null).body();
        deleted.getJsonArray("BankTransactions").forEach(row ->
                assertEquals("DELETED", row.asJsonObject().getString("Status")));
        assertTrue(deleted.getJsonArray("BankTransactions").size() > 0);
    }

    @Test
    void anEditedTransactionMovesToTheEndAndIsFoundByIfModifiedSince() {
        OrganisationLedger ledger = ledgers.of(TENANT).orElseThrow();
        BankTransaction fifth = ledger.generator().generate(4);
        ledger.voidTransaction(fifth.bankTransactionId());
        assertEquals(2500, get(1, 1000, null, null).body().getJsonObject("pagination").getInt("itemCount"));

        JsonObject lastPage = get(3, 1000, null, null).body();
        JsonArray rows = lastPage.getJsonArray("BankTransactions");
        JsonObject last = rows.getJsonObject(rows.size() - 1);
        assertEquals(fifth.bankTransactionId().toString(), last.getString("BankTransactionID"));
        assertEquals("VOIDED", last.getString("Status"));
        assertEquals(MicrosoftJsonDate.withOffset(clock.instant()), last.getString("UpdatedDateUTC"));

        JsonObject changedOnly = get(1, 1000, null, "2026-01-05T09:00:00").body();
        assertEquals(1, changedOnly.getJsonArray("BankTransactions").size());
        BankTransaction added = ledger.add(fifth);
        assertEquals(2501, get(1, 1000, null, null).body().getJsonObject("pagination").getInt("itemCount"));
        assertTrue(!added.bankTransactionId().equals(fifth.bankTransactionId()));
    }

    @Test
    void aMissingOrUnknownTenantIs400WithXerosErrorBody() {
        for (String tenant : new String[] {null, "nobody"}) {
            ApiResponse response = endpoint.get(new BankTransactionsRequest(tenant, 1, 100, null, null, null));
            assertEquals(400, response.status());
            assertEquals(10, response.body().getInt("ErrorNumber"));
            assertEquals("ValidationException", response.body().getString("Type"));
            assertTrue(response.body().getString("Message").contains("xero-tenant-id"));
            assertEquals(0, response.body().getJsonArray("Elements").size());
        }
    }

    @Test
    void anUnsupportedWhereOrOrderIsRefusedNotIgnored() {
        assertEquals(400, get(1, 100, "Total > 10", null).status());
        assertEquals("QueryParseException", get(1, 100, "Total > 10", null).body().getString("Type"));
        assertEquals(400, endpoint.get(new BankTransactionsRequest(TENANT, 1, 100, null, "Total DESC", null))
                .status());
    }

    @Test
    void overTheMinuteLimitAnswers429AndCountsIt() {
        SandboxSettings tight = settings.withXeroLimits(new io.kibly.sandbox.config.XeroLimits(
                2, 5000, 5, 10000, Duration.ofMinutes(1), Duration.ofDays(1)));
        BankTransactionsEndpoint limited = new BankTransactionsEndpoint(() -> tight, ledgers,
                new XeroRateLimiter(clock, tight::xeroLimits), stats, clock, () -> 0.5);
        BankTransactionsRequest request = new BankTransactionsRequest(TENANT, 1, 10, null, null, null);
        assertEquals(200, limited.get(request).status());
        assertEquals(200, limited.get(request).status());
        ApiResponse refused = limited.get(request);
        assertEquals(429, refused.status());
        assertEquals("minute", refused.headers().get("X-Rate-Limit-Problem"));
        assertEquals("60", refused.headers().get("Retry-After"));
        assertEquals(1, stats.of(TENANT).rateLimited());
        assertEquals(2, stats.of(TENANT).callsServed());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, limited.get(request).status());
    }

    @Test
    void theFaultRateInjects503s() {
        SandboxSettings faulty = settings.withFaultRate(0.25);
        BankTransactionsEndpoint flaky = new BankTransactionsEndpoint(() -> faulty, ledgers,
                new XeroRateLimiter(clock, faulty::xeroLimits), stats, clock, () -> 0.1);
        assertEquals(503, flaky.get(new BankTransactionsRequest(TENANT, 1, 10, null, null, null)).status());
        assertEquals(1, stats.of(TENANT).faultsInjected());
    }

    @Test
    void envelopeIsShapedLikeXerosExample() {
        JsonObject body = get(1, 2, null, null).body();
        assertEquals(List.of("Id", "Status", "ProviderName", "DateTimeUTC", "pagination", "Warnings",
                "BankTransactions"), List.copyOf(body.keySet()));
        UUID.fromString(body.getString("Id"));
        assertEquals("OK", body.getString("Status"));
        assertEquals("Kibly Sandbox", body.getString("ProviderName"));
        assertEquals("/Date(1767607200000)/", body.getString("DateTimeUTC"));
        assertEquals(JsonValue.NULL, body.get("Warnings"));
        JsonObject first = body.getJsonArray("BankTransactions").getJsonObject(0);
        for (String field : List.of("BankTransactionID", "BankAccount", "Type", "IsReconciled", "HasAttachments",
                "Contact", "DateString", "Date", "Status", "LineAmountTypes", "LineItems", "Reference",
                "CurrencyCode", "CurrencyRate", "SubTotal", "TotalTax", "Total", "UpdatedDateUTC")) {
            assertTrue(first.containsKey(field), field);
        }
        assertTrue(first.getString("DateString").matches("\\d{4}-\\d{2}-\\d{2}T00:00:00"));
        assertTrue(first.getString("Date").matches("/Date\\(\\d+\\+0000\\)/"));
        assertEquals(first.getString("Date"), MicrosoftJsonDate.withOffset(
                java.time.LocalDate.parse(first.getString("DateString").substring(0, 10))));
        // The first transaction of seed 7, tenant-a: pinned so a change to the generator is noticed.
        assertEquals("2015-12-29T00:00:00", first.getString("DateString"));
        assertEquals(ledgers.of(TENANT).orElseThrow().generator().generate(0).total(),
                first.getJsonNumber("Total").bigDecimalValue());
    }

    @Test
    void whenAccessTokensAreRequiredAMissingOneIs401AndAForeignTenant403() {
        SandboxSettings strict = settings.withRequireAccessToken(true);
        BankTransactionsEndpoint guarded = new BankTransactionsEndpoint(() -> strict, ledgers,
                new XeroRateLimiter(clock, strict::xeroLimits), stats, clock, () -> 0.5,
                (authorization, tenant) -> "Bearer good".equals(authorization) && tenant.equals(TENANT));
        assertEquals(401, guarded.get(new BankTransactionsRequest(TENANT, 1, 10, null, null, null, null)).status());
        assertEquals(403, guarded.get(new BankTransactionsRequest("tenant-b", 1, 10, null, null, null,
                "Bearer good")).status());
        assertEquals(200, guarded.get(new BankTransactionsRequest(TENANT, 1, 10, null, null, null,
                "Bearer good")).status());
    }

    @Test
    void oneTransactionByIdComesInTheSameEnvelope() {
        BankTransaction tenth = ledgers.of(TENANT).orElseThrow().generator().generate(9);
        ApiResponse response = endpoint.getOne(TENANT, null, tenth.bankTransactionId().toString());
        assertEquals(200, response.status());
        assertEquals(XeroJson.bankTransaction(tenth),
                response.body().getJsonArray("BankTransactions").getJsonObject(0));
        assertEquals(404, endpoint.getOne(TENANT, null, UUID.randomUUID().toString()).status());
        assertEquals(400, endpoint.getOne(TENANT, null, "not-a-guid").status());
    }
}
