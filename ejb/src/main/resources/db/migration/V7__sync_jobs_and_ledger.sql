-- The sync engine: jobs (domain.model.sync.SyncJob), the incremental cursors, the imported transactions
-- (domain.model.transaction) and the shared record of provider calls that keeps every server inside the
-- providers' rate limits.

CREATE TABLE engine.sync_job (
    id               uuid PRIMARY KEY,
    tenant_id        varchar(64)  NOT NULL,
    integration_id   uuid         NOT NULL REFERENCES engine.integration (id),
    sync_type        varchar(20)  NOT NULL CHECK (sync_type IN ('FULL', 'INCREMENTAL')),
    trigger_type     varchar(20)  NOT NULL CHECK (trigger_type IN ('MANUAL', 'SCHEDULED', 'WEBHOOK', 'JMS')),
    status           varchar(20)  NOT NULL
                     CHECK (status IN ('QUEUED', 'RUNNING', 'RETRY_SCHEDULED', 'COMPLETED', 'FAILED', 'CANCELLED')),
    priority         smallint     NOT NULL CHECK (priority BETWEEN 0 AND 9),
    date_from        date,
    date_to          date,
    requested_by     varchar(200) NOT NULL,
    idempotency_key  varchar(200),
    request_hash     varchar(64),
    pages_fetched    integer      NOT NULL DEFAULT 0,
    processed        bigint       NOT NULL DEFAULT 0,
    total_known      bigint,
    imported         bigint       NOT NULL DEFAULT 0,
    updated          bigint       NOT NULL DEFAULT 0,
    deleted          bigint       NOT NULL DEFAULT 0,
    unchanged        bigint       NOT NULL DEFAULT 0,
    failed           bigint       NOT NULL DEFAULT 0,
    attempts         integer      NOT NULL DEFAULT 0, -- consecutive transient failures of the current page
    retries          integer      NOT NULL DEFAULT 0, -- all transient failures of the job
    throttled        integer      NOT NULL DEFAULT 0,
    last_error       text,
    -- the checkpoint: the next page to fetch (the entity's index, its modified-since bound, its page number) and
    -- how many pages were committed (a message naming another step is stale)
    entity_index     smallint     NOT NULL DEFAULT 0,
    page_since       timestamptz,
    page_number      integer      NOT NULL DEFAULT 1,
    step             integer      NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    heartbeat_at     timestamptz,
    next_attempt_at  timestamptz,
    version          bigint       NOT NULL
);
-- One active sync per integration, enforced by the database: a second trigger finds the first.
CREATE UNIQUE INDEX sync_job_one_active_idx ON engine.sync_job (integration_id)
    WHERE status IN ('QUEUED', 'RUNNING', 'RETRY_SCHEDULED');
CREATE UNIQUE INDEX sync_job_idempotency_idx ON engine.sync_job (tenant_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX sync_job_tenant_created_idx ON engine.sync_job (tenant_id, created_at DESC, id DESC);
CREATE INDEX sync_job_active_heartbeat_idx ON engine.sync_job (heartbeat_at) WHERE status = 'RUNNING';

-- Where the next incremental sync of an integration starts, per provider entity. Moved only in the transaction
-- that commits the page that produced it.
CREATE TABLE engine.sync_cursor (
    integration_id uuid        NOT NULL REFERENCES engine.integration (id),
    entity         varchar(50) NOT NULL,
    tenant_id      varchar(64) NOT NULL,
    modified_since timestamptz NOT NULL,
    moved_at       timestamptz NOT NULL,
    PRIMARY KEY (integration_id, entity)
);

-- The imported transactions. The natural key (tenant, integration, provider id) is unique here, not only in
-- code: a retried or replayed page can never duplicate a row.
CREATE TABLE engine.ledger_transaction (
    id                  bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id           varchar(64)   NOT NULL,
    integration_id      uuid          NOT NULL REFERENCES engine.integration (id),
    provider_id         varchar(100)  NOT NULL,
    provider_version    bigint        NOT NULL,
    provider_updated_at timestamptz   NOT NULL,
    txn_type            varchar(40)   NOT NULL,
    direction           varchar(3)    NOT NULL CHECK (direction IN ('IN', 'OUT')),
    status              varchar(10)   NOT NULL CHECK (status IN ('ACTIVE', 'DELETED', 'VOIDED')),
    txn_date            date,
    total               numeric(19, 4) NOT NULL,
    currency            varchar(3)    NOT NULL,
    currency_rate       numeric(24, 10),
    description         text,
    reference           text,
    contact_id          varchar(100),
    contact_name        text,
    account_id          varchar(100),
    account_name        text,
    reconciled          boolean       NOT NULL,
    first_job_id        uuid          NOT NULL,
    last_job_id         uuid          NOT NULL,
    imported_at         timestamptz   NOT NULL,
    changed_at          timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, integration_id, provider_id),
    UNIQUE (id)
);
CREATE INDEX ledger_transaction_tenant_date_idx ON engine.ledger_transaction (tenant_id, txn_date DESC, id DESC);

-- Provider calls, shared by every server: a call is made only while fewer than the limit were made in the
-- trailing window (see infrastructure.provider.ratelimit). No tenant data; rows older than the window are pruned.
CREATE TABLE engine.provider_call (
    budget_key varchar(150) NOT NULL,
    called_at  timestamptz  NOT NULL
);
CREATE INDEX provider_call_key_time_idx ON engine.provider_call (budget_key, called_at);

GRANT SELECT, INSERT, UPDATE ON engine.sync_job, engine.sync_cursor, engine.ledger_transaction TO "${appRole}";
GRANT SELECT, INSERT, DELETE ON engine.provider_call TO "${appRole}";

ALTER TABLE engine.sync_job ENABLE ROW LEVEL SECURITY;
CREATE POLICY sync_job_tenant_isolation ON engine.sync_job
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
ALTER TABLE engine.sync_cursor ENABLE ROW LEVEL SECURITY;
CREATE POLICY sync_cursor_tenant_isolation ON engine.sync_cursor
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
ALTER TABLE engine.ledger_transaction ENABLE ROW LEVEL SECURITY;
CREATE POLICY ledger_transaction_tenant_isolation ON engine.ledger_transaction
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));

-- Proactive refresh needs to know when a grant was last refreshed; scheduled syncs are per integration.
ALTER TABLE engine.provider_connection ADD COLUMN refreshed_at timestamptz;
UPDATE engine.provider_connection SET refreshed_at = connected_at;
ALTER TABLE engine.provider_connection ALTER COLUMN refreshed_at SET NOT NULL;
-- minutes between scheduled incremental syncs; 0 turns them off
ALTER TABLE engine.integration ADD COLUMN sync_interval_minutes integer NOT NULL DEFAULT 60
    CHECK (sync_interval_minutes >= 0);

-- The only cross-tenant reads the application role gets: which tenants have work due, as (tenant, id) pairs,
-- for the engine's timers. Everything done about them then runs inside the tenant.
CREATE FUNCTION engine.stalled_sync_jobs(stale_before timestamptz)
    RETURNS TABLE (tenant_id varchar, job_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = engine, pg_temp AS $$
        SELECT j.tenant_id, j.id FROM engine.sync_job j
        WHERE (j.status = 'RUNNING' AND j.heartbeat_at < stale_before
               AND coalesce(j.next_attempt_at, j.heartbeat_at) < stale_before)
           OR (j.status IN ('QUEUED', 'RETRY_SCHEDULED') AND coalesce(j.next_attempt_at, j.created_at) < stale_before)
    $$;
CREATE FUNCTION engine.connections_to_refresh(refreshed_before timestamptz)
    RETURNS TABLE (tenant_id varchar, integration_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = engine, pg_temp AS $$
        SELECT c.tenant_id, c.integration_id FROM engine.provider_connection c
        JOIN engine.integration i ON i.id = c.integration_id
        WHERE i.status = 'ACTIVE' AND c.refresh_ciphertext IS NOT NULL
          AND c.refreshed_at < refreshed_before
    $$;
CREATE FUNCTION engine.integrations_due_for_sync()
    RETURNS TABLE (tenant_id varchar, integration_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = engine, pg_temp AS $$
        SELECT i.tenant_id, i.id FROM engine.integration i
        JOIN engine.provider_connection c ON c.integration_id = i.id AND c.provider_tenant_id IS NOT NULL
        WHERE i.status = 'ACTIVE' AND i.sync_interval_minutes > 0
          AND coalesce(i.last_sync_requested_at, i.created_at)
              < now() - make_interval(mins => i.sync_interval_minutes)
          AND NOT EXISTS (SELECT 1 FROM engine.sync_job j WHERE j.integration_id = i.id
                          AND j.status IN ('QUEUED', 'RUNNING', 'RETRY_SCHEDULED'))
    $$;
CREATE FUNCTION engine.connections_not_under_key(active_key varchar)
    RETURNS TABLE (tenant_id varchar, integration_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = engine, pg_temp AS $$
        SELECT c.tenant_id, c.integration_id FROM engine.provider_connection c
        WHERE c.access_key_id <> active_key OR c.refresh_key_id <> active_key
    $$;
REVOKE ALL ON FUNCTION engine.connections_not_under_key(varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION engine.connections_not_under_key(varchar) TO "${appRole}";
REVOKE ALL ON FUNCTION engine.stalled_sync_jobs(timestamptz), engine.connections_to_refresh(timestamptz),
    engine.integrations_due_for_sync() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION engine.stalled_sync_jobs(timestamptz), engine.connections_to_refresh(timestamptz),
    engine.integrations_due_for_sync() TO "${appRole}";
