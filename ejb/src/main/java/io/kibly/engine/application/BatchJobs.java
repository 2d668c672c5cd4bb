package io.kibly.engine.application;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry to Jakarta Batch: every job is started, inspected and stopped here, because a job is only
 * visible to the component that started it. Jobs always run for one tenant.
 */
public interface BatchJobs {

    /** Starts the job for the tenant; returns the execution id. */
    long start(@NotNull TenantId tenantId, @NotNull BatchJob job, @NotNull Map<String, String> parameters);

    /** Asks a running execution to stop (after the chunk in progress); nothing when it does not run. */
    void stop(@NotNull TenantId tenantId, long executionId);

    /**
     * Carries the tenant's execution on, from its checkpoints: the same execution while it runs in this server
     * (unless {@code stalled}: its job went silent, so it is lost even if it reads STARTED, e.g. after the database
     * went away under it); a restart when it FAILED or STOPPED; and when a server died under it (it still reads
     * STARTED, but started before this server did), a new execution of the same job and parameters. Returns the
     * execution now running.
     */
    long resume(@NotNull TenantId tenantId, long executionId, boolean stalled);

    /** The execution, if it exists and belongs to the tenant. */
    Optional<BatchExecution> execution(@NotNull TenantId tenantId, long executionId);
}
