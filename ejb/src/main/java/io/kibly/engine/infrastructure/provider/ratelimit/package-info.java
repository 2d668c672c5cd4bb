/**
 * The rate budget: a trailing-window record of provider calls in PostgreSQL, shared by every server of the
 * engine (a call is admitted only while fewer than the provider's limit were made in the last minute, and the
 * last day for Xero), and a per-server concurrency gate. Provider windows are fixed and open at the first call;
 * a trailing window of the same length (plus a margin) is stricter than any alignment of them, so the budget
 * never overruns one.
 */
package io.kibly.engine.infrastructure.provider.ratelimit;
