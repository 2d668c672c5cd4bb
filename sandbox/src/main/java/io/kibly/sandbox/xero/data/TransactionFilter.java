package io.kibly.sandbox.xero.data;

import java.time.Instant;
import java.util.Set;

/**
 * Which transactions a query wants: updated strictly after {@code modifiedAfter} (null: any time), with one of
 * {@code statuses} and {@code types} (empty: any).
 */
public record TransactionFilter(Instant modifiedAfter, Set<TransactionStatus> statuses, Set<TransactionType> types) {

    public static final TransactionFilter ALL = new TransactionFilter(null, Set.of(), Set.of());

    public TransactionFilter {
        statuses = Set.copyOf(statuses);
        types = Set.copyOf(types);
    }

    public boolean looksAtContent() {
        return !statuses.isEmpty() || !types.isEmpty();
    }

    public boolean matches(BankTransaction transaction) {
        return (modifiedAfter == null || transaction.updatedDateUtc().isAfter(modifiedAfter))
                && (statuses.isEmpty() || statuses.contains(transaction.status()))
                && (types.isEmpty() || types.contains(transaction.type()));
    }

    /** For generated transactions, without generating them. The date is checked by the caller. */
    boolean matchesContentOf(BankTransactionGenerator generator, long index) {
        return (statuses.isEmpty() || statuses.contains(generator.statusOf(index)))
                && (types.isEmpty() || types.contains(generator.typeOf(index)));
    }
}
