/**
 * Commands from corporate systems over JMS: {@code TriggerSync}, {@code CancelSync} and {@code RetrySync} as JSON
 * text messages on {@code kibly_commands}, authenticated by a tenant's command key in the {@code kiblyCommandKey}
 * property. Every command is answered on its {@code JMSReplyTo} with the request's {@code JMSCorrelationID} (or
 * its message id when it has none). A malformed or unauthorised command is answered with an error and parked on
 * {@code kibly_commands_parked}, never redelivered. Schemas and examples: {@code docs/jms/}.
 */
package io.kibly.engine.infrastructure.messaging.commands;
