-- After the categoriser is (re)trained, the transactions enriched before any model existed (NONE) are predicted;
-- finding them must not scan a tenant's whole ledger each time.
CREATE INDEX ledger_transaction_uncategorised_idx ON engine.ledger_transaction (tenant_id, id)
    WHERE enriched_by = 'NONE';
