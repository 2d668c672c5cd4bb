package io.kibly.engine.interfaces.sync.rest;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/sync-jobs}. A class rather than a record: Payara's OpenAPI generator fails on Bean
 * Validation annotations on record components.
 */
public final class StartSyncJobRequest {

    static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    @NotNull
    @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
            message = "must be an integration id")
    private final String integrationId;

    @NotNull
    @Pattern(regexp = "FULL|INCREMENTAL", message = "must be one of: FULL, INCREMENTAL")
    private final String syncType;

    @Min(0)
    @Max(9)
    private final Integer priority;

    @Pattern(regexp = DATE, message = "must be a date such as 2024-01-31")
    private final String dateFrom;

    @Pattern(regexp = DATE, message = "must be a date such as 2024-01-31")
    private final String dateTo;

    @JsonbCreator
    public StartSyncJobRequest(@JsonbProperty("integrationId") String integrationId,
            @JsonbProperty("syncType") String syncType, @JsonbProperty("priority") Integer priority,
            @JsonbProperty("dateFrom") String dateFrom, @JsonbProperty("dateTo") String dateTo) {
        this.integrationId = integrationId;
        this.syncType = syncType;
        this.priority = priority;
        this.dateFrom = dateFrom;
        this.dateTo = dateTo;
    }

    public String getIntegrationId() {
        return integrationId;
    }

    public String getSyncType() {
        return syncType;
    }

    /** 0 (lowest) to 9; 4 when absent (JMS's default priority). */
    public Integer getPriority() {
        return priority;
    }

    public String getDateFrom() {
        return dateFrom;
    }

    public String getDateTo() {
        return dateTo;
    }
}
