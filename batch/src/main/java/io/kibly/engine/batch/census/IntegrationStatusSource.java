package io.kibly.engine.batch.census;

import java.util.List;

/** Port: the statuses of a tenant's integrations, one entry per integration, in a stable order. */
public interface IntegrationStatusSource {

    List<String> statusesOf(String tenantId);
}
