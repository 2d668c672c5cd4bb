package io.kibly.engine.infrastructure.messaging.jms;

import io.kibly.engine.application.SyncRequests;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.time.Instant;
import java.util.UUID;

/** Puts sync requests on the {@code sync-integration} queue; the send commits with the caller's transaction. */
@ApplicationScoped
public class JmsSyncRequests implements SyncRequests {

    @Inject
    @JMSConnectionFactory(KiblyQueues.CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = KiblyQueues.SYNC_INTEGRATION)
    Queue syncIntegration;

    @Override
    public void send(TenantId tenantId, UUID integrationId, Instant requestedAt) {
        MapMessage message = jms.createMapMessage();
        try {
            message.setString(MessageFields.TENANT_ID, tenantId.id());
            message.setString(MessageFields.INTEGRATION_ID, integrationId.toString());
            message.setLong(MessageFields.REQUESTED_AT, requestedAt.toEpochMilli());
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("Cannot build sync request", e.getErrorCode(), e);
        }
        jms.createProducer().send(syncIntegration, message);
    }
}
