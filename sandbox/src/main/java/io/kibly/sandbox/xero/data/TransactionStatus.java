package io.kibly.sandbox.xero.data;

/** A bank transaction's status; Xero never removes one, a deleted or voided transaction keeps its id. */
public enum TransactionStatus {
    AUTHORISED, DELETED, VOIDED;

    public static TransactionStatus fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
