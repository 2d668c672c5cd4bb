-- Events for corporate systems (CloudEvents on the kibly_events topic) are written here in the same transaction
-- as the change they report, and published by a relay afterwards: an event exists if and only if its change
-- committed (a transactional outbox). The relay marks what it published in the transaction that sends it.
CREATE TABLE engine.event_outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid         NOT NULL UNIQUE,
    tenant_id    varchar(64)  NOT NULL,
    event_type   varchar(80)  NOT NULL,
    source       varchar(200) NOT NULL,
    subject      varchar(200),
    occurred_at  timestamptz  NOT NULL,
    data         jsonb        NOT NULL,
    published_at timestamptz
);
CREATE INDEX event_outbox_unpublished_idx ON engine.event_outbox (id) WHERE published_at IS NULL;
CREATE INDEX event_outbox_tenant_idx ON engine.event_outbox (tenant_id, id);
GRANT SELECT, INSERT ON engine.event_outbox TO "${appRole}";
ALTER TABLE engine.event_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY event_outbox_tenant_isolation ON engine.event_outbox
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));

-- The relay's only cross-tenant access: the oldest unpublished events, locked (others skip them), and marking
-- them published.
CREATE FUNCTION engine.claim_unpublished_events(max_count integer)
    RETURNS SETOF engine.event_outbox
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = engine, pg_temp AS $$
        SELECT * FROM engine.event_outbox WHERE published_at IS NULL ORDER BY id LIMIT max_count
        FOR UPDATE SKIP LOCKED
    $$;
REVOKE ALL ON FUNCTION engine.claim_unpublished_events(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION engine.claim_unpublished_events(integer) TO "${appRole}";

CREATE FUNCTION engine.mark_events_published(event_ids bigint[], at_time timestamptz)
    RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = engine, pg_temp AS $$
        WITH marked AS (UPDATE engine.event_outbox SET published_at = at_time
                        WHERE id = ANY (event_ids) AND published_at IS NULL RETURNING 1)
        SELECT count(*)::integer FROM marked
    $$;
REVOKE ALL ON FUNCTION engine.mark_events_published(bigint[], timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION engine.mark_events_published(bigint[], timestamptz) TO "${appRole}";

-- Keys corporate systems put on their JMS commands (property kiblyCommandKey): only a SHA-256 digest is kept,
-- the key itself is shown once, when issued.
CREATE TABLE engine.command_key (
    id         uuid         PRIMARY KEY,
    tenant_id  varchar(64)  NOT NULL,
    key_digest char(64)     NOT NULL UNIQUE,
    label      varchar(100) NOT NULL,
    created_by varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX command_key_tenant_idx ON engine.command_key (tenant_id, created_at);
GRANT SELECT, INSERT, UPDATE ON engine.command_key TO "${appRole}";
ALTER TABLE engine.command_key ENABLE ROW LEVEL SECURITY;
CREATE POLICY command_key_tenant_isolation ON engine.command_key
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));

-- Which tenant a command key belongs to (none when unknown or revoked): the command consumer's only
-- cross-tenant question.
CREATE FUNCTION engine.tenant_of_command_key(digest varchar)
    RETURNS varchar
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = engine, pg_temp AS $$
        SELECT tenant_id FROM engine.command_key WHERE key_digest = digest AND revoked_at IS NULL
    $$;
REVOKE ALL ON FUNCTION engine.tenant_of_command_key(varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION engine.tenant_of_command_key(varchar) TO "${appRole}";
