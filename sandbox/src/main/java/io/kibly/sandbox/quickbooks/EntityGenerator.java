package io.kibly.sandbox.quickbooks;

import java.time.Instant;

/** Entity #index of a realm as a pure function; its id is {@code index + 1}, updates increase with the index. */
public interface EntityGenerator<T extends QboEntity> {

    Instant updatedOf(long index);

    /** The smallest index updated strictly after {@code since}. */
    long firstIndexUpdatedAfter(Instant since);

    T generate(long index);
}
