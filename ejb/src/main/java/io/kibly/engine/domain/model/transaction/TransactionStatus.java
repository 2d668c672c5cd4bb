package io.kibly.engine.domain.model.transaction;

/** Where a transaction stands at its provider. DELETED and VOIDED ones are kept, marked, never erased. */
public enum TransactionStatus {
    ACTIVE,
    DELETED,
    VOIDED;

    public boolean isRemoved() {
        return this != ACTIVE;
    }
}
