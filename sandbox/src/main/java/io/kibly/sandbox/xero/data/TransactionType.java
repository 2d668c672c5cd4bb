package io.kibly.sandbox.xero.data;

import java.util.Arrays;

/** Xero's eight bank transaction types, with their names on the wire. */
public enum TransactionType {
    RECEIVE("RECEIVE"),
    RECEIVE_OVERPAYMENT("RECEIVE-OVERPAYMENT"),
    RECEIVE_PREPAYMENT("RECEIVE-PREPAYMENT"),
    SPEND("SPEND"),
    SPEND_OVERPAYMENT("SPEND-OVERPAYMENT"),
    SPEND_PREPAYMENT("SPEND-PREPAYMENT"),
    RECEIVE_TRANSFER("RECEIVE-TRANSFER"),
    SPEND_TRANSFER("SPEND-TRANSFER");

    private final String wireName;

    TransactionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isReceive() {
        return wireName.startsWith("RECEIVE");
    }

    public boolean isOverpayment() {
        return this == RECEIVE_OVERPAYMENT || this == SPEND_OVERPAYMENT;
    }

    public boolean isPrepayment() {
        return this == RECEIVE_PREPAYMENT || this == SPEND_PREPAYMENT;
    }

    public boolean isTransfer() {
        return this == RECEIVE_TRANSFER || this == SPEND_TRANSFER;
    }

    public static TransactionType fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown bank transaction type " + name));
    }
}
