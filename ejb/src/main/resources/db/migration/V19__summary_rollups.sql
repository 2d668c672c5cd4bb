-- The summary without a date, type or status filter (the usual one) groups by currency, month, type and status
-- separately, and a million-row integration spreads over 13,000 rows of the full rollup, scattered by its updates.
-- Two narrower rollups kept in step with it (JdbcLedgerRepository) answer that summary from a few hundred rows: by
-- month, and by type and status (each per currency). A summary with such a filter still reads the full rollup.
CREATE TABLE engine.ledger_rollup_month (
    tenant_id      varchar(64)    NOT NULL,
    integration_id uuid           NOT NULL REFERENCES engine.integration (id),
    currency       varchar(3)     NOT NULL,
    month          date           NOT NULL,
    transactions   bigint         NOT NULL,
    signed_total   numeric(24, 4) NOT NULL,
    PRIMARY KEY (tenant_id, integration_id, currency, month)
) WITH (fillfactor = 50);
INSERT INTO engine.ledger_rollup_month
SELECT tenant_id, integration_id, currency, month, sum(transactions), sum(signed_total)
FROM engine.ledger_rollup GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

CREATE TABLE engine.ledger_rollup_kind (
    tenant_id      varchar(64)    NOT NULL,
    integration_id uuid           NOT NULL REFERENCES engine.integration (id),
    currency       varchar(3)     NOT NULL,
    txn_type       varchar(40)    NOT NULL,
    status         varchar(10)    NOT NULL,
    transactions   bigint         NOT NULL,
    signed_total   numeric(24, 4) NOT NULL,
    PRIMARY KEY (tenant_id, integration_id, currency, txn_type, status)
) WITH (fillfactor = 50);
INSERT INTO engine.ledger_rollup_kind
SELECT tenant_id, integration_id, currency, txn_type, status, sum(transactions), sum(signed_total)
FROM engine.ledger_rollup GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;

GRANT SELECT, INSERT, UPDATE ON engine.ledger_rollup_month, engine.ledger_rollup_kind TO "${appRole}";
ALTER TABLE engine.ledger_rollup_month ENABLE ROW LEVEL SECURITY;
CREATE POLICY ledger_rollup_month_tenant_isolation ON engine.ledger_rollup_month
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
ALTER TABLE engine.ledger_rollup_kind ENABLE ROW LEVEL SECURITY;
CREATE POLICY ledger_rollup_kind_tenant_isolation ON engine.ledger_rollup_kind
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
