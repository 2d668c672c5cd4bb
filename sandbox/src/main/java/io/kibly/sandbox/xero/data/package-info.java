/**
 * Xero bank transactions of one organisation: generated deterministically from (seed, organisation, index) so
 * any transaction can be produced on its own, plus an in-memory overlay of the changes made through the admin
 * API. {@link io.kibly.sandbox.xero.data.OrganisationLedger} joins both in Xero's natural order.
 */
package io.kibly.sandbox.xero.data;
