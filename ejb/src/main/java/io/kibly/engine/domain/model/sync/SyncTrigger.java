package io.kibly.engine.domain.model.sync;

/** What started a sync: a person through the API, the schedule, a provider webhook, or a corporate system over JMS. */
public enum SyncTrigger {
    MANUAL, SCHEDULED, WEBHOOK, JMS
}
