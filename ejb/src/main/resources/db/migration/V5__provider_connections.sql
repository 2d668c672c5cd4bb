-- Authorising an integration at its provider (OAuth 2.0 authorization code, PKCE for Xero) and the resulting
-- connection. Secrets (tokens, PKCE verifiers) are stored only as AES-256-GCM ciphertexts with their key id;
-- the OAuth state is stored only as its SHA-256 hash.
CREATE TABLE engine.authorization_attempt (
    state_hash          varchar(64)  PRIMARY KEY,
    tenant_id           varchar(64)  NOT NULL,
    user_name           varchar(200) NOT NULL,
    integration_id      uuid         NOT NULL REFERENCES engine.integration (id),
    redirect_uri        varchar(500) NOT NULL,
    verifier_key_id     varchar(64),
    verifier_nonce      bytea,
    verifier_ciphertext bytea,
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL,
    consumed_at         timestamptz
);

CREATE TABLE engine.provider_connection (
    integration_id     uuid         PRIMARY KEY REFERENCES engine.integration (id),
    tenant_id          varchar(64)  NOT NULL,
    provider_tenant_id varchar(100),
    organisations      jsonb        NOT NULL,
    access_key_id      varchar(64)  NOT NULL,
    access_nonce       bytea        NOT NULL,
    access_ciphertext  bytea        NOT NULL,
    access_expires_at  timestamptz  NOT NULL,
    refresh_key_id     varchar(64),
    refresh_nonce      bytea,
    refresh_ciphertext bytea,
    connected_at       timestamptz  NOT NULL,
    version            bigint       NOT NULL
);
CREATE INDEX provider_connection_tenant_idx ON engine.provider_connection (tenant_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON engine.authorization_attempt, engine.provider_connection TO "${appRole}";
ALTER TABLE engine.authorization_attempt ENABLE ROW LEVEL SECURITY;
CREATE POLICY authorization_attempt_tenant_isolation ON engine.authorization_attempt
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
ALTER TABLE engine.provider_connection ENABLE ROW LEVEL SECURITY;
CREATE POLICY provider_connection_tenant_isolation ON engine.provider_connection
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
