/**
 * The engine's persistent timers (EJB timer service on PostgreSQL, so they survive restarts and fire once per
 * cluster): resuming stalled syncs, scheduled incremental syncs, the proactive refresh of idle connections and
 * the sweep that re-encrypts tokens under the vault's active key.
 */
package io.kibly.engine.infrastructure.scheduling;
