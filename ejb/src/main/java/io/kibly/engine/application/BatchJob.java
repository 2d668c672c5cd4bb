package io.kibly.engine.application;

import java.util.Arrays;
import java.util.Optional;

/** The batch jobs the engine offers, by their job XML name; nothing else can be started. */
public enum BatchJob {
    INTEGRATION_CENSUS("integration-census"),
    /** A large FULL sync: windows of modification time read in parallel (started by the sync engine). */
    HISTORICAL_IMPORT("historical-import");

    private final String jobXmlName;

    BatchJob(String jobXmlName) {
        this.jobXmlName = jobXmlName;
    }

    public String jobXmlName() {
        return jobXmlName;
    }

    public static Optional<BatchJob> fromJobXmlName(String name) {
        return Arrays.stream(values()).filter(j -> j.jobXmlName.equals(name)).findFirst();
    }
}
