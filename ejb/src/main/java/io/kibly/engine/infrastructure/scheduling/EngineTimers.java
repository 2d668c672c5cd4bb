package io.kibly.engine.infrastructure.scheduling;

import io.kibly.engine.application.ConnectionService;
import io.kibly.engine.application.DueWork;
import io.kibly.engine.application.SyncService;
import io.kibly.engine.application.internal.SyncJobSteps;
import io.kibly.engine.domain.model.connection.TokenVault;
import io.kibly.engine.domain.model.sync.SyncTrigger;
import io.kibly.engine.domain.model.sync.SyncType;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The engine's housekeeping, on persistent timers. Each run asks {@link DueWork} what is due across tenants and
 * handles every item in its own tenant-scoped transaction; one item's failure is logged and does not stop the
 * others (the next run tries it again). The timers tick often and the questions are cheap: what is due is decided
 * by data in PostgreSQL (heartbeats, intervals, refresh times, key ids), so a restart loses nothing.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EngineTimers {

    private static final Logger LOG = Logger.getLogger(EngineTimers.class.getName());

    @Inject
    DueWork due;
    @EJB
    SyncJobSteps syncSteps;
    @Inject
    SyncService syncs;
    @Inject
    ConnectionService connections;
    @Inject
    TokenVault vault;
    @Inject
    Clock clock;

    /** A running job without a heartbeat for this long is resumed from its checkpoint. */
    @Inject
    @ConfigProperty(name = "kibly.sync.stall-after-seconds", defaultValue = "120")
    long stallAfterSeconds;

    /** A grant not refreshed for this long is refreshed, so its refresh token never ages out (Xero: 60 days). */
    @Inject
    @ConfigProperty(name = "kibly.connections.idle-refresh-hours", defaultValue = "24")
    long idleRefreshHours;

    /** Webhook event keys are kept this long for deduplication, then forgotten. */
    @Inject
    @ConfigProperty(name = "kibly.sync.webhook-event-retention-hours", defaultValue = "168")
    long webhookRetentionHours;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = true, info = "resume stalled syncs")
    void resumeStalledSyncs() {
        Instant staleBefore = clock.instant().minusSeconds(stallAfterSeconds);
        each("resume stalled sync", due.stalledJobs(staleBefore), item -> {
            if (syncSteps.resumeStalled(item.tenantId(), item.id(), staleBefore)) {
                LOG.warning(() -> "Sync job " + item.id() + " had stalled: resumed from its checkpoint");
            }
        });
    }

    @Schedule(minute = "*", hour = "*", persistent = true, info = "scheduled incremental syncs")
    void startScheduledSyncs() {
        each("start scheduled sync", due.integrationsDueForSync(), item -> syncs.start(item.tenantId(), "scheduler",
                new SyncService.SyncRequest(item.id(), SyncType.INCREMENTAL, SyncTrigger.SCHEDULED, 2, null, null),
                null));
    }

    @Schedule(second = "*/20", minute = "*", hour = "*", persistent = true, info = "refresh idle connections")
    void refreshIdleConnections() {
        Instant refreshedBefore = clock.instant().minus(Duration.ofHours(idleRefreshHours));
        each("refresh idle connection", due.connectionsToRefresh(refreshedBefore), item -> {
            if (!connections.refreshGrant(item.tenantId(), item.id())) {
                LOG.warning(() -> "Integration " + item.id() + " needs re-authorisation: its grant was refused");
            }
        });
    }

    @Schedule(minute = "*", hour = "*", persistent = true, info = "re-encrypt tokens under the active key")
    void reencryptUnderActiveKey() {
        Set<TenantId> tenants = new LinkedHashSet<>();
        due.connectionsNotUnderKey(vault.activeKeyId()).forEach(item -> tenants.add(item.tenantId()));
        each("re-encrypt tokens", tenants.stream().map(t -> new DueWork.Item(t, null)).toList(),
                item -> connections.rotateKeys(item.tenantId()));
    }

    /**
     * Keeps the webhook deduplication table small: providers redeliver an event for hours at most (Intuit and
     * Xero retry over a day at the outside), so a week's keys catch every redelivery. Every minute: the delete
     * uses the received_at index and finds a minute's worth of rows.
     */
    @Schedule(second = "40", minute = "*", hour = "*", persistent = true, info = "forget old webhook events")
    void forgetOldWebhookEvents() {
        try {
            int forgotten = due.forgetWebhookEventsBefore(clock.instant().minus(Duration.ofHours(webhookRetentionHours)));
            if (forgotten > 0) {
                LOG.fine(() -> "Forgot " + forgotten + " webhook event keys older than " + webhookRetentionHours + " h");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "forgetting old webhook events failed: " + e.getClass().getSimpleName());
        }
    }

    private static void each(String what, java.util.List<DueWork.Item> items, Consumer<DueWork.Item> action) {
        for (DueWork.Item item : items) {
            try {
                action.accept(item);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed for tenant " + item.tenantId().id() + ": "
                        + e.getClass().getSimpleName());
            }
        }
    }
}
