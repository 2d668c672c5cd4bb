/**
 * The sandbox's own API under {@code /sandbox/admin}: counters, reset, run-time settings and changes to the
 * providers' data (added, edited, deleted, voided transactions) so that incremental syncs have work to find;
 * and provider webhooks sent to a target URL.
 */
package io.kibly.sandbox.admin;
