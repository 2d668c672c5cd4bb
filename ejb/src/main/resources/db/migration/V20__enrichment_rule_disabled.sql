-- A rule whose pattern overran its match budget is disabled, with the reason, instead of stalling the shared
-- enrichment workers; replacing the rule enables it again (JdbcEnrichmentRepository.replaceRule).
ALTER TABLE engine.enrichment_rule
    ADD COLUMN disabled_reason text,
    ADD COLUMN disabled_at     timestamptz,
    ADD CONSTRAINT enrichment_rule_disabled_with_reason CHECK ((disabled_reason IS NULL) = (disabled_at IS NULL));
