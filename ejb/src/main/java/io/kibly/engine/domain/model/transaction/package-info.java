/**
 * The engine's own model of a provider's money movement: {@link io.kibly.engine.domain.model.transaction.LedgerTransaction}
 * is what every provider gateway translates into (Xero BankTransactions, QuickBooks Purchases and Deposits), with
 * money as {@link java.math.BigDecimal} and its currency, never a double.
 */
package io.kibly.engine.domain.model.transaction;
