package io.kibly.sandbox.quickbooks;

import java.time.OffsetDateTime;

/** What every QBO transaction entity has: (Id, SyncToken) names a version, MetaData dates it. */
public interface QboEntity {

    String id();

    String syncToken();

    OffsetDateTime createTime();

    OffsetDateTime lastUpdatedTime();
}
