package io.kibly.sandbox.config;

import java.util.Objects;

/** A Xero organisation the sandbox serves: its tenant id (the {@code xero-tenant-id} header) and name. */
public record Organisation(String tenantId, String name, long transactionCount, int historyMonths) {

    public Organisation {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        if (transactionCount < 0) {
            throw new IllegalArgumentException("transactionCount must not be negative");
        }
        if (historyMonths < 0 || historyMonths > 600) {
            throw new IllegalArgumentException("historyMonths must be from 0 (the default spacing) to 600");
        }
    }

    /** An organisation whose transactions are spaced the default 5 minutes apart. */
    public Organisation(String tenantId, String name, long transactionCount) {
        this(tenantId, name, transactionCount, 0);
    }

    public Organisation withTransactionCount(long count) {
        return new Organisation(tenantId, name, count, historyMonths);
    }

    /** Spreads the transactions evenly over this many months of history (0: 5 minutes apart). */
    public Organisation withHistoryMonths(int months) {
        return new Organisation(tenantId, name, transactionCount, months);
    }

    /** Milliseconds between two transactions' last updates. */
    public long updateStepMillis(long defaultStepMillis) {
        if (historyMonths == 0 || transactionCount == 0) {
            return defaultStepMillis;
        }
        long historyMillis = java.time.Duration.ofDays(historyMonths * 365L / 12).toMillis();
        return Math.max(2, historyMillis / transactionCount);
    }
}
