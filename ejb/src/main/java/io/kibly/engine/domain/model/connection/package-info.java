/**
 * The connection of an integration to its provider: the provider-side tenant (Xero organisation, QuickBooks
 * realm), the OAuth tokens (only ever stored encrypted, see {@link io.kibly.engine.domain.model.connection.TokenVault})
 * and the authorisation attempts that create it.
 */
package io.kibly.engine.domain.model.connection;
