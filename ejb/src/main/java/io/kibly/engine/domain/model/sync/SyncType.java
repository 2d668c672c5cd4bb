package io.kibly.engine.domain.model.sync;

/** What a sync reads: everything (FULL) or what changed since the integration's cursor (INCREMENTAL). */
public enum SyncType {
    FULL, INCREMENTAL
}
