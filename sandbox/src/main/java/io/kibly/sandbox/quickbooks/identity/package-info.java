/**
 * Intuit's OAuth 2.0 for QuickBooks Online: authorize (consent is automatic; the callback carries {@code code},
 * {@code state} and {@code realmId}), the bearer-token endpoint (HTTP Basic or form client authentication,
 * single-use codes, refresh tokens that rotate on every use and live 100 days) and revocation. Errors reuse
 * {@link io.kibly.sandbox.oauth.OAuthError}: the OAuth error shape is the same at both providers.
 */
package io.kibly.sandbox.quickbooks.identity;
