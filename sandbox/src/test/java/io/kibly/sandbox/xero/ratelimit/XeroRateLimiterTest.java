package io.kibly.sandbox.xero.ratelimit;

import io.kibly.sandbox.MutableClock;
import io.kibly.sandbox.config.XeroLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XeroRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private XeroLimits limits = XeroLimits.asPublished();
    private final XeroRateLimiter limiter = new XeroRateLimiter(clock, () -> limits);

    @Test
    void the61stCallInAMinuteIsRefusedUntilTheWindowCloses() {
        for (int call = 1; call <= 60; call++) {
            try (RateLimitVerdict verdict = limiter.acquire("t1")) {
                assertTrue(verdict.granted(), "call " + call);
                assertEquals(Integer.toString(60 - call), verdict.headers().get("X-MinLimit-Remaining"));
                assertEquals(Integer.toString(5_000 - call), verdict.headers().get("X-DayLimit-Remaining"));
                assertEquals(Integer.toString(10_000 - call), verdict.headers().get("X-AppMinLimit-Remaining"));
            }
            clock.advance(Duration.ofMillis(500));
        }
        // 30 s into the window.
        RateLimitVerdict refused = limiter.acquire("t1");
        assertFalse(refused.granted());
        assertEquals("minute", refused.headers().get("X-Rate-Limit-Problem"));
        assertEquals("30", refused.headers().get("Retry-After"));
        assertEquals("0", refused.headers().get("X-MinLimit-Remaining"));

        assertTrue(limiter.acquire("other tenant").granted(), "limits are per tenant");

        clock.advance(Duration.ofSeconds(29));
        assertEquals("1", limiter.acquire("t1").headers().get("Retry-After"));
        clock.advance(Duration.ofSeconds(1));
        RateLimitVerdict again = limiter.acquire("t1");
        assertTrue(again.granted());
        assertEquals("59", again.headers().get("X-MinLimit-Remaining"));
        assertEquals("4939", again.headers().get("X-DayLimit-Remaining"));
    }

    @Test
    void theSixthConcurrentCallIsRefusedUntilOneEnds() {
        List<RateLimitVerdict> running = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            running.add(limiter.acquire("t1"));
            assertTrue(running.get(i).granted());
        }
        RateLimitVerdict sixth = limiter.acquire("t1");
        assertFalse(sixth.granted());
        assertEquals("concurrent", sixth.headers().get("X-Rate-Limit-Problem"));
        assertEquals("1", sixth.headers().get("Retry-After"));
        running.get(0).release();
        running.get(0).release();
        assertTrue(limiter.acquire("t1").granted());
        assertFalse(limiter.acquire("t1").granted(), "a double release frees one slot only");
    }

    @Test
    void dayAndAppLimitsAreConfigurable() {
        limits = new XeroLimits(100, 3, 5, 4, Duration.ofMinutes(1), Duration.ofHours(24));
        for (int i = 0; i < 3; i++) {
            limiter.acquire("t1").release();
        }
        RateLimitVerdict day = limiter.acquire("t1");
        assertEquals("day", day.headers().get("X-Rate-Limit-Problem"));
        assertEquals(Long.toString(24 * 3600), day.headers().get("Retry-After"));

        limiter.acquire("t2").release();
        RateLimitVerdict app = limiter.acquire("t3");
        assertEquals("appminute", app.headers().get("X-Rate-Limit-Problem"));
        assertEquals("60", app.headers().get("Retry-After"));
    }
}
