/**
 * QuickBooks Online: Purchases and Deposits generated deterministically like Xero's data, with admin changes on
 * top (SyncToken + 1 and LastUpdatedTime now on each edit; deletions remembered for CDC), served through
 * {@code GET /v3/company/{realmId}/query} and {@code /cdc} behind QBO's per-realm limits (500 a minute, 10 at
 * once), token checks and injected faults, every error a {@code Fault} body. OAuth is in {@code .identity}.
 */
package io.kibly.sandbox.quickbooks;
