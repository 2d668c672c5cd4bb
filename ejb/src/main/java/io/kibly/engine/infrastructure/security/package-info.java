/**
 * The engine's cryptography and its guards: the AES-256-GCM {@link io.kibly.engine.domain.model.connection.TokenVault}
 * that encrypts secrets (OAuth tokens, PKCE verifiers) with the keys configured through MicroProfile Config, so that
 * no secret is ever stored in clear; the webhook signatures; and the start-up refusal of the provider sandbox's
 * published secrets for a real provider.
 */
package io.kibly.engine.infrastructure.security;
