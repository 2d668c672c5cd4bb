package io.kibly.engine.infrastructure.messaging.jms;

/** Names of the fields of the engine's map messages. */
final class MessageFields {

    static final String TENANT_ID = "tenantId";
    static final String INTEGRATION_ID = "integrationId";
    static final String JOB_ID = "jobId";
    static final String STEP = "step";
    static final String PROVIDER_IDS = "providerIds";
    static final String REENRICH_AFTER = "reenrichAfter";
    static final String ATTEMPT = "attempt";
    static final String ONLY_UNCATEGORISED = "onlyUncategorised";
    static final String RETRAIN = "retrain";

    private MessageFields() {
    }
}
