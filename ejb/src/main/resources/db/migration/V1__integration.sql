-- A tenant's connection to one accounting provider (domain.model.integration.Integration).
CREATE TABLE integration (
    id                     uuid PRIMARY KEY,
    tenant_id              varchar(64)  NOT NULL,
    provider               varchar(20)  NOT NULL CHECK (provider IN ('XERO', 'QUICKBOOKS')),
    integration_type       varchar(20)  NOT NULL CHECK (integration_type IN ('ACCOUNTING', 'BANK')),
    name                   varchar(200) NOT NULL,
    status                 varchar(30)  NOT NULL
                           CHECK (status IN ('PENDING_AUTH', 'ACTIVE', 'NEEDS_REAUTH', 'DISCONNECTED')),
    created_at             timestamptz  NOT NULL,
    last_sync_requested_at timestamptz,
    version                bigint       NOT NULL
);

-- Every read is per tenant; the list is keyset-paginated on (created_at, id).
CREATE INDEX integration_tenant_created_idx ON integration (tenant_id, created_at, id);
