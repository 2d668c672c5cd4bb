/**
 * Gateways to the providers (Xero, QuickBooks Online): they speak the real wire format over HTTP, with base URLs
 * and client credentials from configuration, and translate into the engine's own terms. Nothing here runs inside
 * a database transaction.
 */
package io.kibly.engine.infrastructure.provider;
