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

    @Inject
    io.kibly.engine.application.CallContext call;

    @Resource(lookup = KiblyQueues.SYNC_INTEGRATION)
    Queue syncIntegration;

    @Resource(lookup = KiblyQueues.IMPORT_TRANSACTIONS)
    Queue importTransactions;

    @Resource(lookup = KiblyQueues.ENRICH_TRANSACTIONS)
    Queue enrichTransactions;

    /**
     * The id of the request that started this chain of work (the API's X-Request-Id, carried from message to
     * message), so that every log line and audit entry of a sync can be traced back to it.
     */
    private java.util.Optional<String> correlation() {
        try {
            return java.util.Optional.ofNullable(call.requestId());
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            return java.util.Optional.empty(); // a timer or background thread: no request to name
        }
    }

    @Override
    public void plan(TenantId tenantId, UUID jobId, int priority) {
        MapMessage message = jms.createMapMessage();
        fill(message, tenantId, jobId, null);
        jms.createProducer().setPriority(priority).send(syncIntegration, message);
    }

    @Override
    public void planLater(TenantId tenantId, UUID jobId, int priority, Duration delay) {
        MapMessage message = jms.createMapMessage();
        fill(message, tenantId, jobId, null);
        jms.createProducer().setPriority(priority).setDeliveryDelay(Math.max(0, delay.toMillis()))
                .send(syncIntegration, message);
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

    @Override
    public void retryEnrichment(TenantId tenantId, UUID integrationId, List<String> providerIds, int attempt,
            Duration delay) {
        MapMessage message = jms.createMapMessage();
        try {
            message.setString(MessageFields.TENANT_ID, tenantId.id());
            message.setString(MessageFields.INTEGRATION_ID, integrationId.toString());
            message.setString(MessageFields.PROVIDER_IDS, String.join("\n", providerIds));
            message.setInt(MessageFields.ATTEMPT, attempt);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot build the enrichment retry", e.getErrorCode(), e);
        }
        jms.createProducer().setDeliveryDelay(delay.toMillis()).send(enrichTransactions, message);
    }

    @Override
    public void reenrich(TenantId tenantId, long afterId, boolean onlyUncategorised) {
        MapMessage message = jms.createMapMessage();
        try {
            message.setString(MessageFields.TENANT_ID, tenantId.id());
            message.setLong(MessageFields.REENRICH_AFTER, afterId);
            message.setBoolean(MessageFields.ONLY_UNCATEGORISED, onlyUncategorised);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot build the re-enrichment message", e.getErrorCode(), e);
        }
        // behind the imports' own enrichment: a bulk re-enrichment must not delay fresh transactions
        jms.createProducer().setPriority(2).send(enrichTransactions, message);
    }

    private void fill(MapMessage message, TenantId tenantId, UUID jobId, Integer step) {
        try {
            correlation().ifPresent(id -> {
                try {
                    message.setJMSCorrelationID(id);
                } catch (JMSException e) {
                    throw new JMSRuntimeException("Cannot set the correlation id", e.getErrorCode(), e);
                }
            });
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
