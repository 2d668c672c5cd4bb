/**
 * The engine's cryptography: the AES-256-GCM {@link io.kibly.engine.domain.model.connection.TokenVault} that
 * encrypts secrets (OAuth tokens, PKCE verifiers) with the keys configured through MicroProfile Config, so that no
 * secret is ever stored in clear.
 */
package io.kibly.engine.infrastructure.security;
