package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.MutableClock;
import io.kibly.sandbox.http.ApiResponse;
import io.kibly.sandbox.stats.SandboxStats;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickBooksQueryEndpointTest {

    private static final String REALM = "123145";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final SandboxStats stats = new SandboxStats();
    private final QuickBooksQueryEndpoint endpoint = new QuickBooksQueryEndpoint(
            new QuickBooksSettings(7, Map.of(REALM, "Sandbox Company"), 2_500, 500, 10), clock, stats);

    private JsonObject queryResponse(String query) {
        ApiResponse response = endpoint.query(REALM, query);
        assertEquals(200, response.status(), () -> response.body().toString());
        return response.body().getJsonObject("QueryResponse");
    }

    @Test
    void pagesByStartPositionAndMaxResults() {
        String select = "SELECT * FROM Purchase ORDERBY Metadata.LastUpdatedTime STARTPOSITION %d MAXRESULTS 1000";
        JsonObject first = queryResponse(String.format(select, 1));
        assertEquals(1, first.getInt("startPosition"));
        assertEquals(1000, first.getInt("maxResults"));
        assertEquals("1", first.getJsonArray("Purchase").getJsonObject(0).getString("Id"));
        JsonObject third = queryResponse(String.format(select, 2001));
        assertEquals(500, third.getInt("maxResults"));
        assertEquals("2500", third.getJsonArray("Purchase").getJsonObject(499).getString("Id"));
        assertFalse(queryResponse(String.format(select, 2501)).containsKey("Purchase"), "empty is {}");
    }

    @Test
    void filtersByLastUpdatedTimeAndShowsTheCompanyOffset() {
        PurchaseGenerator generator = new PurchaseGenerator(7, REALM);
        String since = generator.updatedOf(2_399).atOffset(PurchaseGenerator.COMPANY_OFFSET).toString();
        JsonArray rows = queryResponse("SELECT * FROM Purchase WHERE Metadata.LastUpdatedTime > '" + since
                + "' ORDERBY Metadata.LastUpdatedTime STARTPOSITION 1 MAXRESULTS 1000").getJsonArray("Purchase");
        assertEquals(100, rows.size());
        JsonObject first = rows.getJsonObject(0);
        assertEquals("2401", first.getString("Id"));
        String lastUpdated = first.getJsonObject("MetaData").getString("LastUpdatedTime");
        assertTrue(lastUpdated.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-08:00"), lastUpdated);
        assertEquals(generator.updatedOf(2_400), OffsetDateTime.parse(lastUpdated).toInstant()
                .plusMillis(generator.updatedOf(2_400).toEpochMilli() % 1000));
        BigDecimal lines = BigDecimal.ZERO;
        for (var line : first.getJsonArray("Line")) {
            lines = lines.add(line.asJsonObject().getJsonNumber("Amount").bigDecimalValue());
        }
        assertEquals(first.getJsonNumber("TotalAmt").bigDecimalValue(), lines);
    }

    @Test
    void the501stCallInAMinuteIsThrottledWithFault003001() {
        for (int i = 0; i < 500; i++) {
            assertEquals(200, endpoint.query(REALM, "SELECT * FROM Purchase MAXRESULTS 1").status());
        }
        ApiResponse throttled = endpoint.query(REALM, "SELECT * FROM Purchase MAXRESULTS 1");
        assertEquals(429, throttled.status());
        assertEquals("003001", throttled.body().getJsonObject("Fault").getJsonArray("Error").getJsonObject(0)
                .getString("code"));
        assertEquals(1, stats.of("qbo:" + REALM).rateLimited());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, endpoint.query(REALM, "SELECT * FROM Purchase MAXRESULTS 1").status());
    }

    @Test
    void otherQueriesAreAValidationFault() {
        ApiResponse response = endpoint.query(REALM, "SELECT * FROM Invoice");
        assertEquals(400, response.status());
        assertEquals("ValidationFault", response.body().getJsonObject("Fault").getString("type"));
        assertEquals(400, endpoint.query(REALM, "SELECT * FROM Purchase MAXRESULTS 1001").status());
        assertEquals(403, endpoint.query("999", "SELECT * FROM Purchase").status());
    }
}
