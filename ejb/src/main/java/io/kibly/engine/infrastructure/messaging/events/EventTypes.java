package io.kibly.engine.infrastructure.messaging.events;

/** The CloudEvent {@code type} of each event the engine publishes (schemas in {@code docs/jms/events/}). */
public final class EventTypes {

    public static final String INTEGRATION_CONNECTED = "io.kibly.integration.connected";
    public static final String INTEGRATION_NEEDS_REAUTH = "io.kibly.integration.needs-reauth";
    public static final String SYNC_STARTED = "io.kibly.sync.started";
    public static final String SYNC_PROGRESS = "io.kibly.sync.progress";
    public static final String SYNC_COMPLETED = "io.kibly.sync.completed";
    public static final String SYNC_FAILED = "io.kibly.sync.failed";
    public static final String SYNC_CANCELLED = "io.kibly.sync.cancelled";
    public static final String TRANSACTIONS_IMPORTED = "io.kibly.transactions.imported";

    private EventTypes() {
    }
}
