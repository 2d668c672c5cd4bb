/**
 * Events for corporate systems: CloudEvents 1.0 (structured mode, JSON) on the {@code kibly_events} topic.
 * {@link io.kibly.engine.infrastructure.messaging.events.OutboxEvents} writes each event into
 * {@code engine.event_outbox} inside the transaction of the change it reports, and
 * {@link io.kibly.engine.infrastructure.messaging.events.EventRelay} publishes committed events and marks them
 * published in one JTA transaction: no event for a rolled-back change, none lost for a committed one (a relay
 * crash between send and mark can repeat an event; consumers deduplicate by the CloudEvent {@code id}).
 * The schemas are in the repository's {@code docs/jms/}.
 */
package io.kibly.engine.infrastructure.messaging.events;
