package io.kibly.engine.infrastructure.messaging.events;

import io.kibly.engine.application.OutboundEvents;
import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.sync.PageOutcome;
import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.sync.SyncStatus;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records events in {@code engine.event_outbox}, in the caller's transaction (the row-level security of the
 * caller's tenant applies to the insert). Progress is throttled per job: a job importing ten pages a second
 * would otherwise flood the topic.
 */
@ApplicationScoped
public class OutboxEvents implements OutboundEvents {

    @PersistenceContext(unitName = "kibly")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "kibly.events.progress-interval-seconds", defaultValue = "5")
    long progressIntervalSeconds;

    /** When each running job's last progress event was recorded (per server; a restart only adds one more). */
    private final Map<UUID, Instant> lastProgress = new ConcurrentHashMap<>();

    @Override
    public void integrationConnected(TenantId tenantId, Integration integration) {
        record(tenantId, EventTypes.INTEGRATION_CONNECTED, integration.id(), integration.id().toString(),
                integration(integration));
    }

    @Override
    public void integrationNeedsReauthorisation(TenantId tenantId, Integration integration, String reason) {
        record(tenantId, EventTypes.INTEGRATION_NEEDS_REAUTH, integration.id(), integration.id().toString(),
                integration(integration).add("reason", reason == null ? "" : reason));
    }

    @Override
    public void syncStarted(SyncJob job) {
        lastProgress.put(job.id(), clock.instant());
        record(job.tenantId(), EventTypes.SYNC_STARTED, job.integrationId(), job.id().toString(), job(job));
    }

    @Override
    public void syncProgressed(SyncJob job) {
        Instant now = clock.instant();
        Instant last = lastProgress.get(job.id());
        if (last != null && Duration.between(last, now).getSeconds() < progressIntervalSeconds) {
            return;
        }
        lastProgress.put(job.id(), now);
        record(job.tenantId(), EventTypes.SYNC_PROGRESS, job.integrationId(), job.id().toString(), job(job));
    }

    @Override
    public void syncFinished(SyncJob job) {
        lastProgress.remove(job.id());
        String type = job.status() == SyncStatus.COMPLETED ? EventTypes.SYNC_COMPLETED
                : job.status() == SyncStatus.CANCELLED ? EventTypes.SYNC_CANCELLED : EventTypes.SYNC_FAILED;
        record(job.tenantId(), type, job.integrationId(), job.id().toString(), job(job));
    }

    @Override
    public void transactionsImported(SyncJob job, PageOutcome outcome) {
        record(job.tenantId(), EventTypes.TRANSACTIONS_IMPORTED, job.integrationId(), job.id().toString(),
                Json.createObjectBuilder()
                        .add("jobId", job.id().toString())
                        .add("integrationId", job.integrationId().toString())
                        .add("page", job.pagesFetched())
                        .add("imported", outcome.imported())
                        .add("updated", outcome.updated())
                        .add("deleted", outcome.deleted())
                        .add("unchanged", outcome.unchanged())
                        .add("outOfRange", outcome.outOfRange()));
    }

    private void record(TenantId tenantId, String type, UUID integrationId, String subject, JsonObjectBuilder data) {
        em.createNativeQuery("insert into engine.event_outbox"
                        + " (event_id, tenant_id, event_type, source, subject, occurred_at, data)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, tenantId.id())
                .setParameter(3, type)
                .setParameter(4, "/kibly/integrations/" + integrationId)
                .setParameter(5, subject)
                .setParameter(6, Timestamp.from(clock.instant()))
                .setParameter(7, data.build().toString())
                .executeUpdate();
    }

    private static JsonObjectBuilder integration(Integration integration) {
        return Json.createObjectBuilder()
                .add("integrationId", integration.id().toString())
                .add("name", integration.name())
                .add("provider", integration.provider().name())
                .add("status", integration.status().name());
    }

    private static JsonObjectBuilder job(SyncJob job) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("jobId", job.id().toString())
                .add("integrationId", job.integrationId().toString())
                .add("type", job.type().name())
                .add("trigger", job.trigger().name())
                .add("status", job.status().name())
                .add("processed", job.processed())
                .add("imported", job.imported())
                .add("updated", job.updated())
                .add("deleted", job.deleted())
                .add("unchanged", job.unchanged())
                .add("pagesFetched", job.pagesFetched())
                .add("retries", job.retries())
                .add("throttled", job.throttled());
        job.totalKnown().ifPresent(total -> data.add("totalKnown", total));
        job.startedAt().ifPresent(at -> data.add("startedAt", at.toString()));
        job.finishedAt().ifPresent(at -> data.add("finishedAt", at.toString()));
        job.lastError().ifPresent(error -> data.add("error", error));
        return data;
    }

    /** The stored event as a structured-mode CloudEvent (JSON event format). */
    static JsonObject cloudEvent(UUID id, String type, String source, String subject, Instant time, String tenant,
            JsonObject data) {
        JsonObjectBuilder event = Json.createObjectBuilder()
                .add("specversion", "1.0")
                .add("id", id.toString())
                .add("source", source)
                .add("type", type)
                .add("time", time.toString())
                .add("datacontenttype", "application/json")
                .add("kiblytenant", tenant)
                .add("data", data);
        if (subject != null) {
            event.add("subject", subject);
        }
        return event.build();
    }
}
