package io.kibly.engine.infrastructure.messaging.jms;

import io.kibly.engine.application.CallContext;
import io.kibly.engine.application.SyncWorker;
import io.kibly.engine.infrastructure.messaging.jms.SyncIntegrationConsumer.JobMessage;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The import worker: one page of one job per message. It runs without a container transaction (the provider
 * call must not hold one); exactly-once comes from the job's step, committed with the page: a redelivered message
 * for a committed page is dropped.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = KiblyQueues.IMPORT_TRANSACTIONS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup", propertyValue = KiblyQueues.CONNECTION_FACTORY),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts",
                propertyValue = KiblyQueues.REDELIVERY_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportTransactionsConsumer implements MessageListener {

    @Inject
    SyncWorker worker;

    @Inject
    CallContext call;

    @Override
    public void onMessage(Message message) {
        JobMessage job = JobMessage.read(message);
        int step;
        try {
            step = job.map().getInt(MessageFields.STEP);
        } catch (JMSException | RuntimeException e) {
            throw new IllegalArgumentException("Import message without a step", e);
        }
        call.identify("worker:import-transactions", job.messageId());
        worker.importPage(job.tenantId(), job.jobId(), step);
    }
}
