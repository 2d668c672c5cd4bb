package io.kibly.engine.domain.model.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncPartitionTest {

    private static final Instant AFTER = Instant.parse("2024-03-01T10:00:00.500Z");
    private static final Instant UNTIL = Instant.parse("2024-06-01T00:00:00.250Z");

    @Test
    void aWindowHoldsWhatWasModifiedAfterItsLowerAndUpToItsUpperBound() {
        SyncPartition window = SyncPartition.window(1, AFTER, UNTIL);
        assertFalse(window.holds(AFTER), "the lower bound belongs to the previous window");
        assertTrue(window.holds(AFTER.plusMillis(1)));
        assertTrue(window.holds(UNTIL), "the upper bound belongs to this one");
        assertFalse(window.holds(UNTIL.plusMillis(1)));
        assertTrue(SyncPartition.window(0, null, AFTER).holds(Instant.EPOCH), "the first window is open below");
        assertTrue(SyncPartition.window(4, UNTIL, null).holds(Instant.parse("2999-01-01T00:00:00Z")),
                "the last is open above");
    }

    @Test
    void readingStartsASecondBeforeTheLowerBoundBecauseProvidersCompareWholeSeconds() {
        assertEquals(Instant.parse("2024-03-01T09:59:59Z"), SyncPartition.window(1, AFTER, UNTIL).since());
        assertNull(SyncPartition.window(0, null, UNTIL).since());
        assertEquals(1, SyncPartition.window(1, AFTER, UNTIL).page());
    }

    @Test
    void aWindowIsDoneAtTheProvidersLastPageOrOnceAPageReachesPastItsUpperBound() {
        SyncPartition window = SyncPartition.window(1, AFTER, UNTIL);
        Instant inside = Instant.parse("2024-04-01T12:00:00.900Z");
        SyncPartition next = window.next(false, inside, 1000);
        assertFalse(next.done());
        assertEquals(Instant.parse("2024-04-01T11:59:59Z"), next.since(), "the next page from a second before");
        assertEquals(1, next.page());
        assertEquals(1, next.pages());
        assertEquals(1000, next.rows());
        assertTrue(next.next(false, UNTIL.plusSeconds(5), 10).done(), "past the upper bound");
        assertTrue(next.next(true, inside.plusSeconds(1), 10).done(), "the provider's last page");
        assertEquals(1010, next.next(true, inside.plusSeconds(1), 10).rows());
    }

    @Test
    void aPageWhoseRowsAllShareItsSecondMovesToTheNextPageNumber() {
        SyncPartition window = SyncPartition.window(1, AFTER, UNTIL);
        SyncPartition next = window.next(false, window.since().plusMillis(400), 1000);
        assertEquals(window.since(), next.since());
        assertEquals(2, next.page());
    }
}
