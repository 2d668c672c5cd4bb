/**
 * JMS plumbing: the queue names, senders implementing the application's ports (sending inside the caller's
 * transaction) and the message-driven beans that act as workers. Messages carry identifiers, never entities.
 * A worker delegates to an application service and lets failures surface: the broker redelivers a bounded
 * number of times, then parks the message on the dead message queue.
 */
package io.kibly.engine.infrastructure.messaging.jms;
