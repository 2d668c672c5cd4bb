package io.kibly.engine.interfaces.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets per key (here: per bearer token): each holds up to {@code burst} permits and regains
 * {@code perSecond} a second. Bounded in memory: past {@code maxKeys} the least recently seen key is forgotten
 * (its caller starts again with a full bucket, which errs on the side of serving). One server's view only: with
 * several servers a caller gets each server's allowance.
 */
public final class TokenBuckets {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    public TokenBuckets(double perSecond, int burst, int maxKeys, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("perSecond, burst and maxKeys must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /**
     * Takes one permit for the key.
     *
     * @return 0 when the call may proceed, else the whole seconds (at least 1) until a permit is back
     */
    public synchronized long take(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        bucket.permits = Math.min(burst, bucket.permits + (now - bucket.updatedAt) / 1e9 * perSecond);
        bucket.updatedAt = now;
        if (bucket.permits >= 1) {
            bucket.permits -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.permits) / perSecond));
    }

    synchronized int size() {
        return buckets.size();
    }

    private static final class Bucket {
        double permits;
        long updatedAt;

        Bucket(double permits, long updatedAt) {
            this.permits = permits;
            this.updatedAt = updatedAt;
        }
    }
}
