package io.kibly.engine.infrastructure.messaging.jms;

/**
 * JNDI names of the engine's JMS resources, created by {@code server-config}'s domain script. The physical
 * OpenMQ destinations use underscores (OpenMQ does not allow '-' in destination names).
 */
public final class KiblyQueues {

    public static final String CONNECTION_FACTORY = "jms/kibly/ConnectionFactory";
    /** Sync requests: plan a sync of one integration. */
    public static final String SYNC_INTEGRATION = "jms/kibly/sync-integration";
    /** Import work: fetch and store one page or window of transactions. */
    public static final String IMPORT_TRANSACTIONS = "jms/kibly/import-transactions";
    /** Enrichment work: categorise new or changed transactions. */
    public static final String ENRICH_TRANSACTIONS = "jms/kibly/enrich-transactions";
    /** Commands from corporate systems (TriggerSync, CancelSync, RetrySync); physical name {@code kibly_commands}. */
    public static final String COMMANDS = "jms/kibly/commands";
    /** Commands refused as malformed or unauthorised, kept for inspection, never redelivered. */
    public static final String PARKED_COMMANDS = "jms/kibly/commands-parked";

    /**
     * The broker's dead message queue (OpenMQ's physical name): messages parked after their redeliveries ran
     * out. Payara refuses it as a JMS resource name (it has dots), so it is opened by name, for browsing only.
     */
    public static final String DEAD_MESSAGE_QUEUE = "mq.sys.dmq";

    /** Redeliveries of a message whose worker threw, before the broker parks it on the dead message queue. */
    public static final String REDELIVERY_ATTEMPTS = "3";

    private KiblyQueues() {
    }
}
