/** What the sandbox has done, per tenant: calls served, 429s, token refreshes, injected faults. */
package io.kibly.sandbox.stats;
