package io.kibly.engine.application.internal;

import io.kibly.engine.application.CallContext;
import io.kibly.engine.domain.model.sync.SyncJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log line per event of a sync job, with the same fields every time: tenant, job, integration, the
 * correlation id carried across the JMS hops (the request that started it), status and progress. The server
 * writes its log as JSON (configure-domain.asadmin); the fields are in the message as {@code key=value} and, for
 * formatters that read them, in the record's parameters as a map.
 */
@ApplicationScoped
public class SyncLog {

    private static final Logger LOG = Logger.getLogger("io.kibly.engine.sync");

    @Inject
    CallContext call;

    void event(Level level, String event, SyncJob job, String detail) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", event);
        fields.put("tenant", job.tenantId().id());
        fields.put("job", job.id());
        fields.put("integration", job.integrationId());
        String correlation = correlation();
        if (correlation != null) {
            fields.put("correlation", correlation);
        }
        fields.put("status", job.status());
        fields.put("step", job.step());
        fields.put("pages", job.pagesFetched());
        fields.put("imported", job.imported());
        if (detail != null) {
            fields.put("detail", detail);
        }
        StringBuilder message = new StringBuilder("sync-job");
        fields.forEach((key, value) -> message.append(' ').append(key).append('=').append(value));
        LogRecord record = new LogRecord(level, message.toString());
        record.setLoggerName(LOG.getName());
        record.setParameters(new Object[] {fields});
        LOG.log(record);
    }

    private String correlation() {
        try {
            return call.requestId();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
