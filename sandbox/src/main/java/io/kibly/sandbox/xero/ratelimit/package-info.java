/**
 * Xero's rate limits: per tenant 60 calls a minute, 5,000 a day and 5 at once; per app 10,000 a minute. Windows
 * are fixed: one opens at the first call after the previous one closed. The clock is injected so tests can move
 * time.
 */
package io.kibly.sandbox.xero.ratelimit;
