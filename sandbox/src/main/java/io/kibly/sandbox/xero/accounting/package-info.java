/**
 * Xero's Accounting API ({@code /api.xro/2.0}): reading the request's paging, filter and order, and answering
 * with Xero's envelope, its JSON shapes and its error bodies. Independent of JAX-RS so it runs in unit tests.
 */
package io.kibly.sandbox.xero.accounting;
