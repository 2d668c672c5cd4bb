package io.kibly.engine.infrastructure.messaging.commands;

import io.kibly.engine.application.CallContext;
import io.kibly.engine.application.CommandKeys;
import io.kibly.engine.application.IdempotencyKeyReusedException;
import io.kibly.engine.application.IdempotentRequestInFlightException;
import io.kibly.engine.application.IntegrationNotReadyException;
import io.kibly.engine.application.SyncService;
import io.kibly.engine.domain.model.integration.UnknownIntegrationException;
import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.sync.SyncJobStateException;
import io.kibly.engine.domain.model.sync.SyncTrigger;
import io.kibly.engine.domain.model.sync.UnknownSyncJobException;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.infrastructure.messaging.jms.KiblyQueues;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes corporate systems' commands off {@code kibly_commands}. It answers every command it can read the
 * reply address of; a command it refuses (no valid key, unreadable) is parked, and the message is consumed, so
 * it is never redelivered. Only a failure of the engine itself (its database, say) throws and lets the broker
 * redeliver: a repeated TriggerSync finds its first job through the command id, so that creates no second job.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = KiblyQueues.COMMANDS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup", propertyValue = KiblyQueues.CONNECTION_FACTORY),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts",
                propertyValue = KiblyQueues.REDELIVERY_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CorporateCommandConsumer implements MessageListener {

    /** The message property carrying the tenant's command key. */
    public static final String KEY_PROPERTY = "kiblyCommandKey";
    /** Properties of a parked command: why it was refused. */
    public static final String REFUSAL_PROPERTY = "kiblyRefusal";
    public static final String REFUSAL_DETAIL_PROPERTY = "kiblyRefusalDetail";
    public static final String ORIGINAL_ID_PROPERTY = "kiblyOriginalMessageId";
    private static final Logger LOG = Logger.getLogger(CorporateCommandConsumer.class.getName());

    @Inject
    CommandKeys keys;
    @Inject
    SyncService syncs;
    @Inject
    CallContext call;
    @Inject
    @JMSConnectionFactory(KiblyQueues.CONNECTION_FACTORY)
    JMSContext jms;
    @Resource(lookup = KiblyQueues.PARKED_COMMANDS)
    Queue parked;

    @Override
    public void onMessage(Message message) {
        String correlation = correlationOf(message);
        Optional<TenantId> tenant = keys.tenantOf(property(message, KEY_PROPERTY));
        if (tenant.isEmpty()) {
            refuse(message, correlation, null, "unauthorised",
                    "The command carries no valid command key (property " + KEY_PROPERTY + ")");
            return;
        }
        CorporateCommand command;
        try {
            command = CorporateCommand.parse(body(message));
        } catch (InvalidCommandException e) {
            refuse(message, correlation, null, "malformed", e.getMessage());
            return;
        }
        call.identify("jms-command", correlation);
        JsonObjectBuilder reply;
        try {
            reply = accepted(command, execute(tenant.get(), command));
        } catch (UnknownIntegrationException | UnknownSyncJobException e) {
            reply = rejected(command.commandId(), "not-found", e.getMessage());
        } catch (IntegrationNotReadyException | SyncJobStateException | IdempotencyKeyReusedException
                 | IdempotentRequestInFlightException e) {
            reply = rejected(command.commandId(), "conflict", e.getMessage());
        }
        String answer = reply.build().toString();
        LOG.log(Level.INFO, "Command {0} {1} for tenant {2}: {3}", new Object[] {command.getClass().getSimpleName(),
                command.commandId(), tenant.get().id(), answer});
        send(replyTo(message), correlation, answer);
    }

    private Result execute(TenantId tenant, CorporateCommand command) {
        if (command instanceof CorporateCommand.TriggerSync trigger) {
            SyncService.Started started = syncs.start(tenant, "jms-command", new SyncService.SyncRequest(
                    trigger.integrationId(), trigger.syncType(), SyncTrigger.JMS, trigger.priority(),
                    trigger.dateFrom(), trigger.dateTo()), "jms:" + trigger.commandId());
            return new Result(started.job(), started.created());
        }
        if (command instanceof CorporateCommand.CancelSync cancel) {
            return new Result(syncs.cancel(tenant, cancel.jobId()), false);
        }
        CorporateCommand.RetrySync retry = (CorporateCommand.RetrySync) command;
        return new Result(syncs.retry(tenant, retry.jobId()), false);
    }

    private record Result(SyncJob job, boolean created) {
    }

    private static JsonObjectBuilder accepted(CorporateCommand command, Result result) {
        JsonObjectBuilder reply = Json.createObjectBuilder()
                .add("commandId", command.commandId())
                .add("status", "ACCEPTED")
                .add("jobId", result.job().id().toString())
                .add("jobStatus", result.job().status().name());
        if (command instanceof CorporateCommand.TriggerSync) {
            reply.add("created", result.created());
        }
        return reply;
    }

    private static JsonObjectBuilder rejected(String commandId, String code, String detail) {
        JsonObjectBuilder reply = Json.createObjectBuilder();
        if (commandId != null) {
            reply.add("commandId", commandId);
        }
        return reply.add("status", "REJECTED")
                .add("error", Json.createObjectBuilder().add("code", code).add("detail", detail));
    }

    /** Answers (when there is somewhere to answer) and parks a copy of the command, without its key. */
    private void refuse(Message message, String correlation, String commandId, String code, String detail) {
        LOG.log(Level.WARNING, "Refused command {0}: {1} ({2})", new Object[] {correlation, code, detail});
        send(replyTo(message), correlation, rejected(commandId, code, detail).build().toString());
        try {
            TextMessage copy = jms.createTextMessage(body(message));
            copy.setStringProperty(REFUSAL_PROPERTY, code);
            copy.setStringProperty(REFUSAL_DETAIL_PROPERTY, detail);
            copy.setStringProperty(ORIGINAL_ID_PROPERTY, message.getJMSMessageID());
            if (correlation != null) {
                copy.setJMSCorrelationID(correlation);
            }
            jms.createProducer().send(parked, copy);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not park a refused command", e);
        }
    }

    private void send(Destination replyTo, String correlation, String reply) {
        if (replyTo == null) {
            return;
        }
        jms.createProducer().setJMSCorrelationID(correlation).send(replyTo, reply);
    }

    private static String correlationOf(Message message) {
        try {
            String correlation = message.getJMSCorrelationID();
            return correlation != null ? correlation : message.getJMSMessageID();
        } catch (JMSException e) {
            return null;
        }
    }

    private static Destination replyTo(Message message) {
        try {
            return message.getJMSReplyTo();
        } catch (JMSException e) {
            return null;
        }
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            return null;
        }
    }

    /** The text of a text message; anything else reads as no body (refused as malformed). */
    private static String body(Message message) {
        try {
            return message instanceof TextMessage text ? text.getText() : null;
        } catch (JMSException e) {
            return null;
        }
    }
}
