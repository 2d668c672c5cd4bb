package io.kibly.engine.domain.model.sync;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where reading an entity goes on after a page that was not its last. Pages are read by modification time: the
 * next page starts one second before the newest modification seen (providers compare whole seconds; the overlap
 * comes back as unchanged duplicates), or, when a whole page shares that second, at the next page number.
 *
 * @param since the modified-since bound of the next page
 * @param page  its page number under that bound
 * @param moved whether the bound moved (the new bound is then also the entity's cursor)
 */
public record NextPage(Instant since, int page, boolean moved) {

    public static NextPage after(Instant since, int page, Instant latestModification) {
        if (latestModification != null) {
            Instant overlap = latestModification.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
            if (since == null || overlap.isAfter(since)) {
                return new NextPage(overlap, 1, true);
            }
        }
        return new NextPage(since, page + 1, false);
    }
}
