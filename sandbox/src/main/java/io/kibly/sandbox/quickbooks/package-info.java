/**
 * QuickBooks Online, first slice: the {@code Purchase} entity through {@code GET /v3/company/{realmId}/query},
 * generated deterministically like Xero's data, with QBO's per-realm limits (500 a minute, 10 at once) and its
 * {@code Fault} error bodies. No OAuth, CDC, admin changes or other entities yet.
 */
package io.kibly.sandbox.quickbooks;
