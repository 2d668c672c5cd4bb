package io.kibly.engine.infrastructure.messaging.events;

import io.kibly.engine.infrastructure.messaging.jms.KiblyQueues;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.infrastructure.persistence.jpa.SqlValues;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes committed outbox events to their tenant's events topic ({@link TenantEventTopics}), oldest first,
 * every second. Sending and marking the
 * events published share one JTA transaction (the broker's XA resource and the database): if either fails,
 * both roll back and the next run sends the events again. Several servers may relay at once: each claims
 * other rows ({@code FOR UPDATE SKIP LOCKED}).
 */
@Singleton
public class EventRelay {

    /** Message properties besides the body, so subscribers can select without parsing. */
    public static final String CONTENT_TYPE_PROPERTY = "content_type";
    public static final String TYPE_PROPERTY = "ce_type";
    public static final String TENANT_PROPERTY = "kiblytenant";
    static final String CLOUD_EVENTS_JSON = "application/cloudevents+json";
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());

    @PersistenceContext(unitName = "kibly")
    EntityManager em;
    @Inject
    @JMSConnectionFactory(KiblyQueues.CONNECTION_FACTORY)
    JMSContext jms;
    @Inject
    Clock clock;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "event relay")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void relay() {
        List<?> rows = em.createNativeQuery("select id, event_id, tenant_id, event_type, source, subject,"
                + " occurred_at, cast(data as text) from engine.claim_unpublished_events(?1)")
                .setParameter(1, BATCH).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Long[] published = new Long[rows.size()];
        JMSProducer producer = jms.createProducer();
        try {
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = (Object[]) rows.get(i);
                published[i] = ((Number) row[0]).longValue();
                JsonObject data = Json.createReader(new StringReader((String) row[7])).readObject();
                JsonObject event = OutboxEvents.cloudEvent((UUID) row[1], (String) row[3], (String) row[4],
                        (String) row[5], SqlValues.instant(row[6]), (String) row[2], data);
                TextMessage message = jms.createTextMessage(event.toString());
                message.setStringProperty(CONTENT_TYPE_PROPERTY, CLOUD_EVENTS_JSON);
                message.setStringProperty(TYPE_PROPERTY, (String) row[3]);
                message.setStringProperty(TENANT_PROPERTY, (String) row[2]);
                producer.send(topic((String) row[2]), message);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not publish events; they stay in the outbox", e);
        }
        em.createNativeQuery("select engine.mark_events_published(cast(?1 as bigint[]), ?2)")
                .setParameter(1, published)
                .setParameter(2, Timestamp.from(clock.instant()))
                .getSingleResult();
        LOG.log(Level.FINE, "Published {0} events", rows.size());
    }

    /** The tenant's topic (a name only: the broker creates it on first use, and only for the server's account). */
    private Topic topic(String tenant) {
        return jms.createTopic(TenantEventTopics.of(new TenantId(tenant)));
    }
}
