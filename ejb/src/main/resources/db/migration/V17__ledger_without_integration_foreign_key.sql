-- The ledger's foreign key to engine.integration checked every inserted row with a trigger that locks the
-- integration's row (FOR KEY SHARE): measured at 100,000 inserted rows, 10.2 s with it and 2.8 s without, the
-- largest single cost of an import; and five windows of a batch import all locked the same integration row.
-- Integrations are never deleted (disconnecting keeps the imported data), and every write names the integration of
-- a job that was created for an existing one, so the key guarded nothing the engine can do. The rollup, a few rows
-- per page, keeps its key.
ALTER TABLE engine.ledger_transaction DROP CONSTRAINT ledger_transaction_integration_id_fkey;
