package io.kibly.engine.infrastructure.monitoring;

import io.kibly.engine.application.EngineEvents.PageStored;
import io.kibly.engine.application.EngineEvents.ProviderCalled;
import io.kibly.engine.application.EngineEvents.TokensRefreshed;
import io.kibly.engine.application.SyncProgressFeed.JobChanged;
import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.infrastructure.messaging.jms.KiblyQueues;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Turns the application's events into counters and timers, and the queues' contents into gauges. */
@ApplicationScoped
public class EngineMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Resource(lookup = KiblyQueues.CONNECTION_FACTORY)
    ConnectionFactory connections;

    @Resource(lookup = KiblyQueues.SYNC_INTEGRATION)
    Queue syncIntegration;
    @Resource(lookup = KiblyQueues.IMPORT_TRANSACTIONS)
    Queue importTransactions;
    @Resource(lookup = KiblyQueues.ENRICH_TRANSACTIONS)
    Queue enrichTransactions;

    @Inject
    ProviderHealth providerHealth;

    @PostConstruct
    void queueGauges() {
        for (io.kibly.engine.domain.model.integration.Provider provider
                : io.kibly.engine.domain.model.integration.Provider.values()) {
            registry.gauge(Metadata.builder().withName("kibly.provider.circuit.open").withDescription(
                    "1 when the provider's circuit breaker was last found open, 0.5 half-open, 0 closed").build(),
                    () -> switch (providerHealth.states().get(provider).circuit()) {
                        case "open" -> 1.0;
                        case "half-open" -> 0.5;
                        default -> 0.0;
                    }, new Tag("provider", provider.apiName()));
        }
        Map.of("sync-integration", syncIntegration, "import-transactions", importTransactions,
                "enrich-transactions", enrichTransactions).forEach((name, queue) -> registry.gauge(
                Metadata.builder().withName("kibly.queue.depth").withDescription("Messages waiting on a work queue")
                        .build(), () -> depth(queue), new Tag("queue", name)));
    }

    /** Created with the application, so that the gauges exist before the first sync. */
    void atStartup(@Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object application) {
        registry.getMetadata(); // touches the bean: @PostConstruct registers the gauges
    }

    void pageStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageStored page) {
        Tag provider = new Tag("provider", page.provider().apiName());
        registry.counter("kibly.transactions.imported", provider).inc(page.outcome().imported());
        registry.counter("kibly.transactions.updated", provider).inc(page.outcome().updated());
        registry.counter("kibly.transactions.deleted", provider).inc(page.outcome().deleted());
        registry.counter("kibly.transactions.unchanged", provider).inc(page.outcome().unchanged());
    }

    void providerCalled(@Observes ProviderCalled call) {
        registry.counter("kibly.provider.calls", new Tag("provider", call.provider().apiName()),
                new Tag("outcome", call.outcome())).inc();
    }

    void tokensRefreshed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensRefreshed refresh) {
        registry.counter("kibly.token.refreshes", new Tag("provider", refresh.provider().apiName())).inc();
    }

    void jobChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobChanged change) {
        SyncJob job = change.job();
        if (job.status().isFinal() && job.startedAt().isPresent() && job.finishedAt().isPresent()) {
            registry.timer("kibly.sync.duration", new Tag("status", job.status().name()))
                    .update(Duration.between(job.startedAt().get(), job.finishedAt().get()));
        }
    }

    /** Browses the queue (no message is consumed); -1 when the broker cannot be asked. */
    private long depth(Queue queue) {
        try (JMSContext context = connections.createContext(); QueueBrowser browser = context.createBrowser(queue)) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (RuntimeException | jakarta.jms.JMSException e) {
            return -1;
        }
    }
}
