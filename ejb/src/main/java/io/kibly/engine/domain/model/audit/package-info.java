/**
 * The audit trail: one append-only entry per change a caller made, saying who, when, what and the changed
 * fields before and after. Never a secret. The database lets the application insert and read entries, nothing
 * else.
 */
package io.kibly.engine.domain.model.audit;
