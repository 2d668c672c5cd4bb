/**
 * The OAuth 2.0 mechanics Xero's and Intuit's services share: the registered clients and the checks of an
 * authorize request, client credentials from HTTP Basic or the form, single-use authorisation codes that
 * expire, the issued access and refresh tokens with their revocation, the redirect back to the client and the
 * error shape. Each provider's own rules (Xero's rotation grace, PKCE and {@code offline_access}; Intuit's
 * immediate rotation, {@code realmId} and revocation endpoint) stay in its identity package.
 */
package io.kibly.sandbox.oauth;
