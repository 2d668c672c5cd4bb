package io.kibly.engine.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aBurstIsServedThenTheCallerWaitsForTheRate() {
        TokenBuckets buckets = new TokenBuckets(2, 5, 100, nanos::get);

        for (int i = 0; i < 5; i++) {
            assertEquals(0, buckets.take("token-a"), "call " + i);
        }
        assertEquals(1, buckets.take("token-a"), "the sixth call waits for the next permit");
        advanceMillis(499);
        assertEquals(1, buckets.take("token-a"));
        advanceMillis(2);
        assertEquals(0, buckets.take("token-a"), "half a second regains one permit at 2/s");
        assertEquals(1, buckets.take("token-a"));
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilAPermitIsBack() {
        TokenBuckets slow = new TokenBuckets(0.1, 1, 100, nanos::get);

        assertEquals(0, slow.take("t"));
        assertEquals(10, slow.take("t"));
        advanceMillis(4_500);
        assertEquals(6, slow.take("t"));
    }

    @Test
    void eachTokenHasItsOwnBucket() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, nanos::get);

        assertEquals(0, buckets.take("token-a"));
        assertEquals(1, buckets.take("token-a"));
        assertEquals(0, buckets.take("token-b"));
    }

    @Test
    void aBucketNeverHoldsMoreThanTheBurst() {
        TokenBuckets buckets = new TokenBuckets(100, 3, 100, nanos::get);
        buckets.take("t");
        advanceMillis(60_000);

        assertEquals(0, buckets.take("t"));
        assertEquals(0, buckets.take("t"));
        assertEquals(0, buckets.take("t"));
        assertEquals(1, buckets.take("t"));
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlySeenTokens() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 3, nanos::get);
        for (int i = 0; i < 1_000; i++) {
            buckets.take("token-" + i);
        }

        assertEquals(3, buckets.size());
        assertEquals(1, buckets.take("token-999"), "a recent token keeps its spent bucket");
        assertEquals(0, buckets.take("token-0"), "a forgotten one starts again full");
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 1, 1, nanos::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0, 1, nanos::get));
    }
}
