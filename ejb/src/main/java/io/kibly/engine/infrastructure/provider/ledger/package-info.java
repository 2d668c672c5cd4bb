/**
 * Translation of the providers' accounting payloads (Xero BankTransactions, QuickBooks Purchases and Deposits, query
 * and change-data-capture responses) into the engine's LedgerTransaction; the HTTP gateways live here too.
 */
package io.kibly.engine.infrastructure.provider.ledger;
