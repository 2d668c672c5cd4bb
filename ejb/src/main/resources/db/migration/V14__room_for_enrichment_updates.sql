-- Every imported row is written twice: by the import, then by enrichment (category, base amount, ...), which
-- changes no indexed column. Room left in each page lets PostgreSQL make that second write a heap-only update
-- (no new index entries). Applies to pages written from now on.
ALTER TABLE engine.ledger_transaction SET (fillfactor = 75);
