package io.kibly.engine.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * The batch jobs the engine offers, by their job XML name; nothing else can be started. Only the public ones may be
 * started on a caller's request: the others are steps of the engine's own work and need parameters and state the
 * engine prepares (a historical import started by hand would run a job that has no sync job behind it).
 */
public enum BatchJob {
    INTEGRATION_CENSUS("integration-census", true),
    /** A large FULL sync: windows of modification time read in parallel (started by the sync engine only). */
    HISTORICAL_IMPORT("historical-import", false);

    private final String jobXmlName;
    private final boolean startableOnRequest;

    BatchJob(String jobXmlName, boolean startableOnRequest) {
        this.jobXmlName = jobXmlName;
        this.startableOnRequest = startableOnRequest;
    }

    /** The public job of that name, which a caller may start; empty for unknown and internal jobs alike. */
    public static Optional<BatchJob> startableOnRequest(String name) {
        return fromJobXmlName(name).filter(job -> job.startableOnRequest);
    }

    public String jobXmlName() {
        return jobXmlName;
    }

    public static Optional<BatchJob> fromJobXmlName(String name) {
        return Arrays.stream(values()).filter(j -> j.jobXmlName.equals(name)).findFirst();
    }
}
