/**
 * Xero's identity service: authorize (consent is automatic and connects every configured organisation), the
 * token endpoint (HTTP Basic client authentication, single-use codes, PKCE S256, rotating refresh tokens with a
 * grace period for the previous one) and the connections list. Tokens are opaque random strings held in memory.
 */
package io.kibly.sandbox.xero.identity;
