/**
 * Inbound provider webhooks (Xero, QuickBooks Online): public endpoints authenticated by the providers' HMAC
 * signatures instead of a bearer token.
 */
package io.kibly.engine.interfaces.webhook.rest;
