package io.kibly.engine.interfaces.transaction.rest;

import io.kibly.engine.application.LedgerQueries.TransactionView;
import java.util.List;

/** One page of transactions, newest date first; pass {@code next} as {@code after} for the following page. */
public record TransactionPage(List<TransactionView> items, Long next) {
}
