/**
 * The sync jobs API of the enterprise portal: start (with Idempotency-Key), list, read, cancel and retry.
 */
package io.kibly.engine.interfaces.sync.rest;
