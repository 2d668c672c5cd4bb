package io.kibly.sandbox.xero.data;

import java.util.List;

/** The transactions at one range of positions of a query's result, and how many the whole result holds. */
public record LedgerSlice(List<BankTransaction> transactions, long matchingCount) {

    public LedgerSlice {
        transactions = List.copyOf(transactions);
    }
}
