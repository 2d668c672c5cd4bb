-- The engine connects as the application role ${appRole}: not an owner, so what it may do is what is granted
-- here, and row-level security holds for it. Every transaction names its tenant first
-- (set_config('kibly.tenant_id', ..., true), see TenantIsolation); rows of other tenants are invisible and
-- cannot be written. A transaction that names no tenant sees nothing.
GRANT USAGE ON SCHEMA engine TO "${appRole}";
GRANT SELECT, INSERT, UPDATE, DELETE ON engine.integration TO "${appRole}";

ALTER TABLE engine.integration ENABLE ROW LEVEL SECURITY;
CREATE POLICY integration_tenant_isolation ON engine.integration
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));

-- The audit trail: append-only for the application role (INSERT and SELECT only, no UPDATE, DELETE or TRUNCATE).
CREATE TABLE engine.audit_entry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   varchar(64)  NOT NULL,
    occurred_at timestamptz  NOT NULL,
    actor       varchar(200) NOT NULL,
    action      varchar(100) NOT NULL,
    target_type varchar(50)  NOT NULL,
    target_id   varchar(100),
    request_id  varchar(100),
    changes     jsonb        NOT NULL
);
CREATE INDEX audit_entry_tenant_time_idx ON engine.audit_entry (tenant_id, occurred_at DESC, id DESC);

GRANT SELECT, INSERT ON engine.audit_entry TO "${appRole}";
ALTER TABLE engine.audit_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_entry_tenant_read ON engine.audit_entry FOR SELECT
    USING (tenant_id = current_setting('kibly.tenant_id', true));
CREATE POLICY audit_entry_tenant_append ON engine.audit_entry FOR INSERT
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
