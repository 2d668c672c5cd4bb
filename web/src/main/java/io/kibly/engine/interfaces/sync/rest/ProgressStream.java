package io.kibly.engine.interfaces.sync.rest;

import io.kibly.engine.application.SyncProgressFeed;
import io.kibly.engine.domain.model.sync.SyncJob;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** One SSE stream of sync-job events, fed by the progress feed until the client leaves (or the job ends). */
final class ProgressStream {

    static final String EVENT = "sync-job";

    private ProgressStream() {
    }

    /**
     * Starts the stream: {@code first} (if any) at once, then every committed change. A one-job stream closes
     * after the job's final state.
     */
    static void open(SyncProgressFeed feed, TenantId tenantId, UUID jobId, SyncJob first, SseEventSink sink, Sse sse) {
        if (first != null) {
            send(sink, sse, first);
            if (first.status().isFinal()) {
                sink.close();
                return;
            }
        }
        AtomicReference<SyncProgressFeed.Subscription> subscription = new AtomicReference<>();
        subscription.set(feed.subscribe(tenantId, jobId, job -> {
            if (sink.isClosed()) {
                throw new IllegalStateException("the client left");
            }
            send(sink, sse, job);
            if (jobId != null && job.status().isFinal()) {
                sink.close();
                subscription.get().close();
            }
        }));
    }

    private static void send(SseEventSink sink, Sse sse, SyncJob job) {
        sink.send(sse.newEventBuilder().name(EVENT).id(job.id() + ":" + job.version())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(SyncJobRepresentation.class,
                        SyncJobRepresentation.of(job)).build());
    }
}
