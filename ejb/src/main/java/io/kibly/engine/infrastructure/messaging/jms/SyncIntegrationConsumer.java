package io.kibly.engine.infrastructure.messaging.jms;

import io.kibly.engine.application.CallContext;
import io.kibly.engine.application.IntegrationService;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sync worker: takes a sync request off {@code sync-integration} and hands it to the application. Runs in a
 * container-managed transaction, so the data change and the message acknowledgement commit together.
 * A message it cannot read is a programming error: it is logged and parked (rethrown), never silently dropped.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = KiblyQueues.SYNC_INTEGRATION),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup", propertyValue = KiblyQueues.CONNECTION_FACTORY),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts",
                propertyValue = KiblyQueues.REDELIVERY_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true")
})
public class SyncIntegrationConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SyncIntegrationConsumer.class.getName());

    @Inject
    IntegrationService integrations;

    @Inject
    CallContext call;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof MapMessage map)) {
            throw new IllegalArgumentException("sync-integration expects a MapMessage, got " + message.getClass().getName());
        }
        try {
            TenantId tenantId = new TenantId(map.getString(MessageFields.TENANT_ID));
            UUID integrationId = UUID.fromString(map.getString(MessageFields.INTEGRATION_ID));
            Instant requestedAt = Instant.ofEpochMilli(map.getLong(MessageFields.REQUESTED_AT));
            call.identify("worker:sync-integration", message.getJMSMessageID());
            integrations.acknowledgeSyncRequest(tenantId, integrationId, requestedAt);
            LOG.fine(() -> "Sync request for integration " + integrationId + " acknowledged");
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable sync request", e);
        }
    }
}
