package io.kibly.engine.infrastructure.messaging.jms;

import io.kibly.engine.application.SyncMessages;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The sync workers' queues. Sends join the caller's JTA transaction (the connection factory is transactional),
 * so a message is delivered only if the change that produced it commits. Job priority becomes JMS priority;
 * waits become delivery delays, so no worker thread sleeps through a backoff.
 *
 * <p>Each send opens a context from the pooled factory and closes it (the resource adapter keeps the connection
 * enlisted until the transaction ends). An injected {@code JMSContext} would be simpler, but Payara serialises
 * every use of one injection point on a single monitor: API requests and workers queued behind each other.
 */
@ApplicationScoped
public class JmsSyncMessages implements SyncMessages {

    @Resource(lookup = KiblyQueues.CONNECTION_FACTORY)
    ConnectionFactory connections;

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
        send(syncIntegration, priority, Duration.ZERO, message -> fill(message, tenantId, jobId, null));
    }

    @Override
    public void planLater(TenantId tenantId, UUID jobId, int priority, Duration delay) {
        send(syncIntegration, priority, delay, message -> fill(message, tenantId, jobId, null));
    }

    @Override
    public void importPage(TenantId tenantId, UUID jobId, int step, int priority, Duration delay) {
        send(importTransactions, priority, delay, message -> fill(message, tenantId, jobId, step));
    }

    @Override
    public void enrich(TenantId tenantId, UUID integrationId, UUID jobId, List<String> providerIds) {
        send(enrichTransactions, Message.DEFAULT_PRIORITY, Duration.ZERO, message -> {
            fill(message, tenantId, jobId, null);
            message.setString(MessageFields.INTEGRATION_ID, integrationId.toString());
            message.setString(MessageFields.PROVIDER_IDS, String.join("\n", providerIds));
        });
    }

    @Override
    public void retryEnrichment(TenantId tenantId, UUID integrationId, List<String> providerIds, int attempt,
            Duration delay) {
        send(enrichTransactions, Message.DEFAULT_PRIORITY, delay, message -> {
            message.setString(MessageFields.TENANT_ID, tenantId.id());
            message.setString(MessageFields.INTEGRATION_ID, integrationId.toString());
            message.setString(MessageFields.PROVIDER_IDS, String.join("\n", providerIds));
            message.setInt(MessageFields.ATTEMPT, attempt);
        });
    }

    @Override
    public void reenrich(TenantId tenantId, long afterId, boolean onlyUncategorised, Duration delay) {
        // behind the imports' own enrichment: a bulk re-enrichment must not delay fresh transactions
        send(enrichTransactions, 2, delay, message -> {
            message.setString(MessageFields.TENANT_ID, tenantId.id());
            message.setLong(MessageFields.REENRICH_AFTER, afterId);
            message.setBoolean(MessageFields.ONLY_UNCATEGORISED, onlyUncategorised);
        });
    }

    @Override
    public void retrain(TenantId tenantId) {
        send(enrichTransactions, 2, Duration.ZERO, message -> {
            message.setString(MessageFields.TENANT_ID, tenantId.id());
            message.setBoolean(MessageFields.RETRAIN, true);
        });
    }

    /** What a message carries, set on a fresh {@link MapMessage}. */
    @FunctionalInterface
    private interface Body {
        void fill(MapMessage message) throws JMSException;
    }

    private void send(Queue queue, int priority, Duration delay, Body body) {
        try (JMSContext jms = connections.createContext()) {
            MapMessage message = jms.createMapMessage();
            body.fill(message);
            jms.createProducer().setPriority(priority).setDeliveryDelay(Math.max(0, delay.toMillis()))
                    .send(queue, message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot build the message for " + queue, e.getErrorCode(), e);
        }
    }

    private void fill(MapMessage message, TenantId tenantId, UUID jobId, Integer step) throws JMSException {
        String correlation = correlation().orElse(null);
        if (correlation != null) {
            message.setJMSCorrelationID(correlation);
        }
        message.setString(MessageFields.TENANT_ID, tenantId.id());
        message.setString(MessageFields.JOB_ID, jobId.toString());
        if (step != null) {
            message.setInt(MessageFields.STEP, step);
        }
    }
}
