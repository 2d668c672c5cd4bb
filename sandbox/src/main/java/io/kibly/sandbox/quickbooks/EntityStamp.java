package io.kibly.sandbox.quickbooks;

import java.time.OffsetDateTime;

/** Makes a stored version of a draft: the draft's content with the given id, SyncToken and MetaData. */
@FunctionalInterface
public interface EntityStamp<T extends QboEntity> {

    T stamp(T draft, String id, String syncToken, OffsetDateTime createTime, OffsetDateTime lastUpdatedTime);
}
