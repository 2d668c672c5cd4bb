package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.xero.data.DeterministicIds;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A generator whose entity #index was last updated at {@link PurchaseGenerator#FIRST_UPDATED} + index ×
 * step, plus less than half a step drawn from the entity's own random stream, so updates strictly increase with
 * the index and a {@code LastUpdatedTime >} filter is a range.
 */
abstract class SteppedEntityGenerator<T extends QboEntity> implements EntityGenerator<T> {

    private final DeterministicIds ids;
    private final long stepMillis;

    SteppedEntityGenerator(DeterministicIds ids, long stepMillis) {
        this.ids = ids;
        this.stepMillis = stepMillis;
    }

    /** Entity #index's random stream; its first draw is the update's offset (see {@link #updated}). */
    protected final SplittableRandom random(long index) {
        return new SplittableRandom(ids.streamSeed(index));
    }

    @Override
    public final Instant updatedOf(long index) {
        return updated(random(index), index);
    }

    /** The update time of #index, drawn from {@code random}, the fresh stream {@link #random} gave. */
    protected final Instant updated(SplittableRandom random, long index) {
        return PurchaseGenerator.FIRST_UPDATED.plusMillis(index * stepMillis + random.nextLong(stepMillis / 2));
    }

    /** See the Xero generator for why this works. */
    @Override
    public final long firstIndexUpdatedAfter(Instant since) {
        long millis = since.toEpochMilli() - PurchaseGenerator.FIRST_UPDATED.toEpochMilli();
        if (millis < 0) {
            return 0;
        }
        long candidate = millis / stepMillis;
        return updatedOf(candidate).isAfter(since) ? candidate : candidate + 1;
    }
}
