package io.kibly.engine.infrastructure.messaging.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * The enrichment worker's entry point. Enrichment itself (rules, the learned categoriser, currency conversion)
 * is not built yet: for now it only takes the imported pages' change lists off the queue, so they do not pile
 * up, and logs how many transactions would be enriched.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = KiblyQueues.ENRICH_TRANSACTIONS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup", propertyValue = KiblyQueues.CONNECTION_FACTORY),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts",
                propertyValue = KiblyQueues.REDELIVERY_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EnrichTransactionsConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EnrichTransactionsConsumer.class.getName());

    @Override
    public void onMessage(Message message) {
        try {
            String ids = ((MapMessage) message).getString(MessageFields.PROVIDER_IDS);
            int count = ids == null || ids.isEmpty() ? 0 : ids.split("\n").length;
            LOG.fine(() -> count + " transactions to enrich (enrichment is not built yet)");
        } catch (JMSException | ClassCastException e) {
            throw new IllegalArgumentException("Unreadable enrichment message", e);
        }
    }
}
