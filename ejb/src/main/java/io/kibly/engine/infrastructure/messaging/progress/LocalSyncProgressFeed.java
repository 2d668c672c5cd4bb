package io.kibly.engine.infrastructure.messaging.progress;

import io.kibly.engine.application.SyncProgressFeed;
import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** Subscribers in memory; {@link JobChanged} events observed only once their transaction committed. */
@ApplicationScoped
public class LocalSyncProgressFeed implements SyncProgressFeed {

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();

    private final class Subscriber implements Subscription {
        final TenantId tenantId;
        final UUID jobId;
        final Consumer<SyncJob> listener;

        Subscriber(TenantId tenantId, UUID jobId, Consumer<SyncJob> listener) {
            this.tenantId = tenantId;
            this.jobId = jobId;
            this.listener = listener;
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }

    @Override
    public Subscription subscribe(TenantId tenantId, UUID jobId, Consumer<SyncJob> listener) {
        Subscriber subscriber = new Subscriber(tenantId, jobId, listener);
        subscribers.add(subscriber);
        return subscriber;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobChanged change) {
        SyncJob job = change.job();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.tenantId.equals(job.tenantId())
                    && (subscriber.jobId == null || subscriber.jobId.equals(job.id()))) {
                try {
                    subscriber.listener.accept(job);
                } catch (RuntimeException gone) {
                    subscriber.close();
                }
            }
        }
    }
}
