package io.kibly.engine.infrastructure.messaging.jms;

import io.kibly.engine.application.SyncMessages;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The sync workers' queues. Sends join the caller's JTA transaction (the connection factory is transactional),
 * so a message is delivered only if the change that produced it commits. Job priority becomes JMS priority;
 * waits become delivery delays, so no worker thread sleeps through a backoff.
 */
@ApplicationScoped
public class JmsSyncMessages implements SyncMessages {

    @Inject
    @JMSConnectionFactory(KiblyQueues.CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = KiblyQueues.SYNC_INTEGRATION)
    Queue syncIntegration;

    @Resource(lookup = KiblyQueues.IMPORT_TRANSACTIONS)
    Queue importTransactions;

    @Resource(lookup = KiblyQueues.ENRICH_TRANSACTIONS)
    Queue enrichTransactions;

    @Override
    public void plan(TenantId tenantId, UUID jobId, int priority) {
        MapMessage message = jms.createMapMessage();
        fill(message, tenantId, jobId, null);
        jms.createProducer().setPriority(priority).send(syncIntegration, message);
    }

    @Override
    public void importPage(TenantId tenantId, UUID jobId, int step, int priority, Duration delay) {
        MapMessage message = jms.createMapMessage();
        fill(message, tenantId, jobId, step);
        jms.createProducer().setPriority(priority).setDeliveryDelay(Math.max(0, delay.toMillis()))
                .send(importTransactions, message);
    }

    @Override
    public void enrich(TenantId tenantId, UUID integrationId, UUID jobId, List<String> providerIds) {
        MapMessage message = jms.createMapMessage();
        fill(message, tenantId, jobId, null);
        try {
            message.setString(MessageFields.INTEGRATION_ID, integrationId.toString());
            message.setString(MessageFields.PROVIDER_IDS, String.join("\n", providerIds));
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot build the enrichment message", e.getErrorCode(), e);
        }
        jms.createProducer().send(enrichTransactions, message);
    }

    private static void fill(MapMessage message, TenantId tenantId, UUID jobId, Integer step) {
        try {
            message.setString(MessageFields.TENANT_ID, tenantId.id());
            message.setString(MessageFields.JOB_ID, jobId.toString());
            if (step != null) {
                message.setInt(MessageFields.STEP, step);
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot build the message", e.getErrorCode(), e);
        }
    }
}
