package io.kibly.engine.domain.model.sync;

/**
 * What storing one page did: rows inserted, updated (a newer provider version), marked deleted or voided, and
 * unchanged (already stored at that version: a replay or an overlap), plus rows outside the job's date range.
 */
public record PageOutcome(int imported, int updated, int deleted, int unchanged, int outOfRange) {

    public int processed() {
        return imported + updated + deleted + unchanged + outOfRange;
    }

    public int changed() {
        return imported + updated + deleted;
    }
}
