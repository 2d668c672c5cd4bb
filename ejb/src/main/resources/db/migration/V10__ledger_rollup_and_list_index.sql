-- Reads at a million rows: the transaction list is served by an index in its own order (newest date first, per
-- tenant and per integration), and the summaries by a rollup kept in step with every write (one row per
-- integration, currency, month, type, status and direction), instead of scanning the ledger.

-- A transaction without a provider date is dated by its last change, so that the list's order is total.
UPDATE engine.ledger_transaction SET txn_date = (provider_updated_at AT TIME ZONE 'UTC')::date WHERE txn_date IS NULL;
ALTER TABLE engine.ledger_transaction ALTER COLUMN txn_date SET NOT NULL;
CREATE INDEX ledger_transaction_integration_date_idx
    ON engine.ledger_transaction (tenant_id, integration_id, txn_date DESC, id DESC);

CREATE TABLE engine.ledger_rollup (
    tenant_id      varchar(64)    NOT NULL,
    integration_id uuid           NOT NULL REFERENCES engine.integration (id),
    currency       varchar(3)     NOT NULL,
    month          date           NOT NULL,
    txn_type       varchar(40)    NOT NULL,
    status         varchar(10)    NOT NULL,
    direction      varchar(3)     NOT NULL,
    transactions   bigint         NOT NULL,
    signed_total   numeric(24, 4) NOT NULL,
    PRIMARY KEY (tenant_id, integration_id, currency, month, txn_type, status, direction)
);
INSERT INTO engine.ledger_rollup
SELECT tenant_id, integration_id, currency, date_trunc('month', txn_date)::date, txn_type, status, direction,
       count(*), sum(CASE WHEN direction = 'IN' THEN total ELSE -total END)
FROM engine.ledger_transaction
GROUP BY 1, 2, 3, 4, 5, 6, 7;

GRANT SELECT, INSERT, UPDATE ON engine.ledger_rollup TO "${appRole}";
ALTER TABLE engine.ledger_rollup ENABLE ROW LEVEL SECURITY;
CREATE POLICY ledger_rollup_tenant_isolation ON engine.ledger_rollup
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
