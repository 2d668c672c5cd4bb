package io.kibly.engine.infrastructure.messaging.jms;

import io.kibly.engine.application.DeadLetters;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;

/**
 * Browses OpenMQ's dead message queue (nothing is consumed) and keeps the messages of one tenant: the ones whose
 * body names it. The broker adds {@code JMS_SUN_DMQ_*} properties saying why and when it parked each message.
 */
@ApplicationScoped
public class BrokerDeadLetters implements DeadLetters {

    @Resource(lookup = KiblyQueues.CONNECTION_FACTORY)
    ConnectionFactory connections;

    @Override
    public List<DeadLetter> of(TenantId tenantId, int limit) {
        List<DeadLetter> parked = new ArrayList<>();
        try (JMSContext context = connections.createContext();
                QueueBrowser browser = context.createBrowser(context.createQueue(KiblyQueues.DEAD_MESSAGE_QUEUE))) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message message = (Message) messages.nextElement();
                if (message instanceof MapMessage map && tenantId.id().equals(map.getString(MessageFields.TENANT_ID))) {
                    parked.add(new DeadLetter(message.getJMSMessageID(),
                            destination(message),
                            String.valueOf(message.getObjectProperty("JMS_SUN_DMQ_UNDELIVERED_REASON")),
                            message.getStringProperty("JMS_SUN_DMQ_UNDELIVERED_COMMENT"),
                            failure(message),
                            parkedAt(message), map.getString(MessageFields.JOB_ID)));
                }
            }
        } catch (JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("Cannot browse the dead message queue", e.getErrorCode(), e);
        }
        parked.sort(Comparator.comparing(DeadLetter::parkedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return parked.size() > limit ? parked.subList(0, limit) : parked;
    }

    /** The queue the message was meant for: parked messages keep their original destination. */
    private static String destination(Message message) throws JMSException {
        Object named = message.getObjectProperty("JMS_SUN_DMQ_DESTINATION_NAME");
        if (named != null) {
            return named.toString();
        }
        return message.getJMSDestination() instanceof jakarta.jms.Queue queue ? queue.getQueueName()
                : String.valueOf(message.getJMSDestination());
    }

    private static String failure(Message message) throws JMSException {
        Object exception = message.getObjectProperty("JMS_SUN_DMQ_UNDELIVERED_EXCEPTION");
        return exception == null ? null : exception.toString();
    }

    private static Instant parkedAt(Message message) throws JMSException {
        Object timestamp = message.getObjectProperty("JMS_SUN_DMQ_UNDELIVERED_TIMESTAMP");
        return timestamp instanceof Number millis ? Instant.ofEpochMilli(millis.longValue())
                : Instant.ofEpochMilli(message.getJMSTimestamp());
    }
}
