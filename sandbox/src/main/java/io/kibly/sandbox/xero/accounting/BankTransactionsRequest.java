package io.kibly.sandbox.xero.accounting;

/** {@code GET /BankTransactions} as received; every part may be null. */
public record BankTransactionsRequest(String tenantId, Integer page, Integer pageSize, String where, String order,
                                      String ifModifiedSince, String authorization) {

    public BankTransactionsRequest(String tenantId, Integer page, Integer pageSize, String where, String order,
                                   String ifModifiedSince) {
        this(tenantId, page, pageSize, where, order, ifModifiedSince, null);
    }
}
