-- Enrichment (categories, tags, base-currency amounts) lives beside the provider's fields and never changes them.
-- provider_account_code is a provider field: the account the provider's own first line item is coded to, which
-- the learned categoriser trains on.
ALTER TABLE engine.ledger_transaction
    ADD COLUMN provider_account_code varchar(40),
    ADD COLUMN category              varchar(100),
    ADD COLUMN account_code          varchar(20),
    ADD COLUMN tags                  text[],
    ADD COLUMN enriched_by           varchar(5) CHECK (enriched_by IN ('RULE', 'MODEL', 'NONE')),
    ADD COLUMN enrichment_rule_id    bigint,
    ADD COLUMN model_version         bigint,
    ADD COLUMN confidence            numeric(5, 4),
    ADD COLUMN needs_review          boolean,
    ADD COLUMN base_currency         varchar(3),
    ADD COLUMN base_amount           numeric(19, 4),
    ADD COLUMN rate_missing          boolean,
    ADD COLUMN enriched_at           timestamptz,
    ADD COLUMN enrichment_error      text;

-- A tenant's rules, applied in priority order (then id); null criteria do not constrain.
CREATE TABLE engine.enrichment_rule (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id           varchar(64)    NOT NULL,
    priority            integer        NOT NULL,
    description_mode    varchar(8)     CHECK (description_mode IN ('CONTAINS', 'REGEX')),
    description_pattern varchar(500),
    reference_mode      varchar(8)     CHECK (reference_mode IN ('CONTAINS', 'REGEX')),
    reference_pattern   varchar(500),
    contact             varchar(200),
    min_amount          numeric(19, 4),
    max_amount          numeric(19, 4),
    txn_type            varchar(40),
    provider_account    varchar(100),
    category            varchar(100)   NOT NULL,
    account_code        varchar(20),
    tags                text[]         NOT NULL,
    version             integer        NOT NULL,
    created_at          timestamptz    NOT NULL,
    updated_at          timestamptz    NOT NULL
);
CREATE INDEX enrichment_rule_tenant_idx ON engine.enrichment_rule (tenant_id, priority, id);

-- Per tenant (a row once the tenant changed a setting or enrichment ran): the base currency, when a prediction needs review, and how many new labels trigger retraining.
CREATE TABLE engine.enrichment_settings (
    tenant_id             varchar(64)   PRIMARY KEY,
    base_currency         varchar(3)    NOT NULL,
    review_threshold      numeric(5, 4) NOT NULL CHECK (review_threshold BETWEEN 0 AND 1),
    retrain_after_labels  integer       NOT NULL CHECK (retrain_after_labels > 0),
    -- labelled transactions enriched since the categoriser was last trained
    labels_since_training integer       NOT NULL DEFAULT 0,
    version               integer       NOT NULL,
    updated_at            timestamptz   NOT NULL
);

-- The learned categoriser's versions per tenant (the newest is used).
CREATE TABLE engine.categoriser_model (
    tenant_id     varchar(64) NOT NULL,
    version       bigint      NOT NULL,
    trained_at    timestamptz NOT NULL,
    example_count integer     NOT NULL,
    label_count   integer     NOT NULL,
    model         text        NOT NULL,
    PRIMARY KEY (tenant_id, version)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON engine.enrichment_rule TO "${appRole}";
GRANT SELECT, INSERT, UPDATE ON engine.enrichment_settings, engine.categoriser_model TO "${appRole}";
ALTER TABLE engine.enrichment_rule ENABLE ROW LEVEL SECURITY;
CREATE POLICY enrichment_rule_tenant_isolation ON engine.enrichment_rule
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
ALTER TABLE engine.enrichment_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY enrichment_settings_tenant_isolation ON engine.enrichment_settings
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
ALTER TABLE engine.categoriser_model ENABLE ROW LEVEL SECURITY;
CREATE POLICY categoriser_model_tenant_isolation ON engine.categoriser_model
    USING (tenant_id = current_setting('kibly.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('kibly.tenant_id', true));
