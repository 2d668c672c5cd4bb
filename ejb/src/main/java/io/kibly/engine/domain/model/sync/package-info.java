/**
 * The SyncJob aggregate: one sync of one integration, from QUEUED through RUNNING (and RETRY_SCHEDULED between
 * attempts) to COMPLETED, FAILED or CANCELLED. It carries its own checkpoint (the next page to fetch) and the
 * counts of what its committed pages did, so any worker can resume it after a failure or a crash.
 */
package io.kibly.engine.domain.model.sync;
