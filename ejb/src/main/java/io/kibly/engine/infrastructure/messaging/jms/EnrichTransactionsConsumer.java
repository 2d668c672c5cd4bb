package io.kibly.engine.infrastructure.messaging.jms;

import io.kibly.engine.application.CallContext;
import io.kibly.engine.application.EnrichmentWorker;
import io.kibly.engine.application.SyncMessages;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The enrichment worker: enriches an imported page's new or changed transactions, or a chunk of a tenant's
 * re-enrichment (after a rule or setting change, or a retrained categoriser). It runs after the import
 * committed, on its own queue, so it never slows or fails an import. A failure is noted on the transactions
 * and tried again later (1, 2, 4, ... s); after {@value #MAX_ATTEMPTS} tries the message is parked on the dead
 * message queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = KiblyQueues.ENRICH_TRANSACTIONS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup", propertyValue = KiblyQueues.CONNECTION_FACTORY),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts",
                propertyValue = KiblyQueues.REDELIVERY_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true"),
        // enrichment follows the imports, it does not compete with them for the cores: two at a time, shared by every
        // tenant, so a message's regular-expression time is bounded (MatchBudget) and the rest re-queued with a delay
        @ActivationConfigProperty(propertyName = "endpointPoolMaxSize", propertyValue = "2")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EnrichTransactionsConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EnrichTransactionsConsumer.class.getName());

    @Inject
    EnrichmentWorker worker;
    @Inject
    CallContext call;
    @Inject
    SyncMessages messages;

    /** Tries of one page's enrichment (each after a longer wait) before its message is parked. */
    static final int MAX_ATTEMPTS = 6;

    @Override
    public void onMessage(Message message) {
        MapMessage map;
        TenantId tenantId;
        try {
            map = (MapMessage) message;
            tenantId = new TenantId(map.getString(MessageFields.TENANT_ID));
            call.identify("worker:enrich-transactions", message.getJMSCorrelationID());
            if (map.itemExists(MessageFields.RETRAIN)) {
                worker.retrainIfDue(tenantId);
                return;
            }
            if (map.itemExists(MessageFields.REENRICH_AFTER)) {
                worker.reenrich(tenantId, map.getLong(MessageFields.REENRICH_AFTER),
                        map.getBoolean(MessageFields.ONLY_UNCATEGORISED));
                return;
            }
        } catch (JMSException | ClassCastException e) {
            throw new IllegalArgumentException("Unreadable enrichment message", e);
        }
        UUID integrationId;
        List<String> providerIds;
        int attempt;
        try {
            attempt = map.itemExists(MessageFields.ATTEMPT) ? map.getInt(MessageFields.ATTEMPT) : 0;
            integrationId = UUID.fromString(map.getString(MessageFields.INTEGRATION_ID));
            String ids = map.getString(MessageFields.PROVIDER_IDS);
            providerIds = ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n"));
        } catch (JMSException | RuntimeException e) {
            throw new IllegalArgumentException("Unreadable enrichment message", e);
        }
        try {
            worker.enrich(tenantId, integrationId, providerIds);
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            try {
                worker.recordFailure(tenantId, integrationId, providerIds, error);
            } catch (RuntimeException recordFailed) {
                e.addSuppressed(recordFailed);
            }
            if (attempt + 1 >= MAX_ATTEMPTS) {
                LOG.log(Level.WARNING, "Enrichment of " + providerIds.size() + " transactions of tenant "
                        + tenantId.id() + " failed " + MAX_ATTEMPTS + " times; parking the message", e);
                throw e;
            }
            // its own retry, on its own queue, later: a broker redelivery would come at once and fail the same way
            Duration delay = Duration.ofSeconds(1L << attempt);
            LOG.log(Level.WARNING, "Enrichment of " + providerIds.size() + " transactions of tenant " + tenantId.id()
                    + " failed (" + error + "); trying again in " + delay.toSeconds() + " s");
            messages.retryEnrichment(tenantId, integrationId, providerIds, attempt + 1, delay);
        }
    }
}
