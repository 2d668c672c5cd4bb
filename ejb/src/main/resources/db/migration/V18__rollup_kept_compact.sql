-- The summaries read one integration's rollup rows through its primary key. Every page of an import updates some
-- of them, and an update that finds no room on its page moves the row elsewhere: after a million-row import an
-- integration's 13,000 rows lay on 13,000 pages, and reading them took longer than adding them up. Half of each
-- page is left free, so the updates stay on their page (HOT: the rollup's counters are in no index), and the table
-- is rewritten once in key order.
ALTER TABLE engine.ledger_rollup SET (fillfactor = 50);
DO $$
DECLARE
    primary_key text;
BEGIN
    -- its name depends on the path V16 took (ledger_rollup_pkey or ledger_rollup_pkey1)
    SELECT indexrelid::regclass::text INTO primary_key
    FROM pg_index WHERE indrelid = 'engine.ledger_rollup'::regclass AND indisprimary;
    EXECUTE format('CLUSTER engine.ledger_rollup USING %s', primary_key);
END
$$;
