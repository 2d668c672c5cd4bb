package io.kibly.sandbox.config;

import java.util.Objects;

/** A Xero organisation the sandbox serves: its tenant id (the {@code xero-tenant-id} header) and name. */
public record Organisation(String tenantId, String name, long transactionCount) {

    public Organisation {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        if (transactionCount < 0) {
            throw new IllegalArgumentException("transactionCount must not be negative");
        }
    }

    public Organisation withTransactionCount(long count) {
        return new Organisation(tenantId, name, count);
    }
}
