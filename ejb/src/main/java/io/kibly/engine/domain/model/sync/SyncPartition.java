package io.kibly.engine.domain.model.sync;

import java.time.Instant;

/**
 * One window of a batch import: the transactions modified in {@code (after, until]} (null: open), and where its
 * reading is: the next page ({@code since}, {@code page}, by {@link NextPage}), or done; with the pages read and
 * the transactions it imported ({@code rows}).
 */
public record SyncPartition(int index, Instant after, Instant until, Instant since, int page, boolean done, int pages,
        long rows) {

    /** A window not read yet: from a second before its lower bound (providers compare whole seconds). */
    public static SyncPartition window(int index, Instant after, Instant until) {
        Instant since = after == null ? null : after.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        return new SyncPartition(index, after, until, since, 1, false, 0, 0);
    }

    /** Whether a transaction modified at {@code modified} belongs to this window. */
    public boolean holds(Instant modified) {
        return (after == null || modified.isAfter(after)) && (until == null || !modified.isAfter(until));
    }

    /**
     * After a page: the next one, or done when the page was the provider's last or reached past the window.
     *
     * @param latestModification the newest modification on the page (null for an empty page)
     */
    public SyncPartition next(boolean lastPage, Instant latestModification, int imported) {
        boolean beyond = until != null && latestModification != null && latestModification.isAfter(until);
        NextPage next = NextPage.after(since, page, latestModification);
        return new SyncPartition(index, after, until, next.since(), next.page(), lastPage || beyond, pages + 1,
                rows + imported);
    }
}
