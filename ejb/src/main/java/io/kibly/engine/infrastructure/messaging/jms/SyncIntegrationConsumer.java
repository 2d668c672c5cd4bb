package io.kibly.engine.infrastructure.messaging.jms;

import io.kibly.engine.application.CallContext;
import io.kibly.engine.application.SyncWorker;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;

/**
 * The planner: takes a sync job off {@code sync-integration}, marks it RUNNING and queues its first page (or the
 * page after its checkpoint, for a retried job). The planning step is its own transaction, and it ignores a job
 * that is already running, so a redelivered message does no harm. A message it cannot read is a programming
 * error: it is thrown back and, after the bounded redeliveries, parked on the dead message queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = KiblyQueues.SYNC_INTEGRATION),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup", propertyValue = KiblyQueues.CONNECTION_FACTORY),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts",
                propertyValue = KiblyQueues.REDELIVERY_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncIntegrationConsumer implements MessageListener {

    @Inject
    SyncWorker worker;

    @Inject
    CallContext call;

    @Override
    public void onMessage(Message message) {
        JobMessage job = JobMessage.read(message);
        call.identify("worker:sync-integration", job.messageId());
        worker.plan(job.tenantId(), job.jobId());
    }

    /** The fields every job message carries; {@code messageId} is the correlation id when the message has one. */
    record JobMessage(TenantId tenantId, UUID jobId, String messageId, MapMessage map) {

        static JobMessage read(Message message) {
            if (!(message instanceof MapMessage map)) {
                throw new IllegalArgumentException("Expected a MapMessage, got " + message.getClass().getName());
            }
            try {
                String correlation = message.getJMSCorrelationID();
                return new JobMessage(new TenantId(map.getString(MessageFields.TENANT_ID)),
                        UUID.fromString(map.getString(MessageFields.JOB_ID)),
                        correlation != null ? correlation : message.getJMSMessageID(), map);
            } catch (JMSException | RuntimeException e) {
                throw new IllegalArgumentException("Unreadable job message", e);
            }
        }
    }
}
