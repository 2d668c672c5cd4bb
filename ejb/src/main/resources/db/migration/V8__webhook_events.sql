-- Webhook deliveries already acted on, so that a redelivered event triggers nothing twice. Providers retry
-- deliveries; the key is the event's own id (QuickBooks CloudEvents) or a digest of the event (Xero sends none).
-- No tenant data: the provider tenant is resolved to integrations through the function below.
CREATE TABLE engine.webhook_event (
    provider    varchar(20)  NOT NULL,
    event_key   varchar(128) NOT NULL,
    received_at timestamptz  NOT NULL,
    PRIMARY KEY (provider, event_key)
);
CREATE INDEX webhook_event_received_idx ON engine.webhook_event (received_at);
GRANT SELECT, INSERT, DELETE ON engine.webhook_event TO "${appRole}";

-- Which tenants' integrations sync a provider tenant (a Xero organisation, a QuickBooks realm): the webhook
-- receiver's only cross-tenant question, answered with (tenant, integration) pairs.
CREATE FUNCTION engine.integrations_of_provider_tenant(for_provider varchar, for_provider_tenant varchar)
    RETURNS TABLE (tenant_id varchar, integration_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = engine, pg_temp AS $$
        SELECT i.tenant_id, i.id FROM engine.integration i
        JOIN engine.provider_connection c ON c.integration_id = i.id
        WHERE i.provider = for_provider AND c.provider_tenant_id = for_provider_tenant AND i.status = 'ACTIVE'
    $$;
REVOKE ALL ON FUNCTION engine.integrations_of_provider_tenant(varchar, varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION engine.integrations_of_provider_tenant(varchar, varchar) TO "${appRole}";
