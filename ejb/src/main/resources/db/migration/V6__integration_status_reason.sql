-- Why an integration is in its status, in plain words (e.g. why it needs re-authorisation). Never a secret.
ALTER TABLE engine.integration ADD COLUMN status_reason varchar(500);
