-- The rollup's direction column: no summary groups or filters by it, and the signed total already carries it (and
-- the providers' types fix it). The rollup drops it, so its key is exactly what the summaries group by; the summary
-- now reads all four groupings in one scan of it (JpaLedgerQueries).
ALTER TABLE engine.ledger_rollup RENAME TO ledger_rollup_by_direction;

CREATE TABLE engine.ledger_rollup (
    tenant_id      varchar(64)    NOT NULL,
    integration_id uuid           NOT NULL REFERENCES engine.integration (id),
    currency       varchar(3)     NOT NULL,
    month          date           NOT NULL,
    txn_type       varchar(40)    NOT NULL,
    status         varchar(10)    NOT NULL,
    transactions   bigint         NOT NULL,
    signed_total   numeric(24, 4) NOT NULL,
    PRIMARY KEY (tenant_id, integration_id, currency, month, txn_type, status)
);
INSERT INTO engine.ledger_rollup
SELECT tenant_id, integration_id, currency, month, txn_type, status, sum(transactions), sum(signed_total)
FROM engine.ledger_rollup_by_direction
GROUP BY 1, 2, 3, 4, 5, 6;
DROP TABLE engine.ledger_rollup_by_direction;

GRANT SELECT, INSERT, UPDATE ON engine.ledger_rollup TO "${appRole}";
ALTER TABLE engine.ledger_rollup ENABLE ROW LEVEL SECURITY;
CREATE POLICY ledger_rollup_tenant_isolation ON engine.ledger_rollup
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
