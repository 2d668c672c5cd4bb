package io.kibly.engine.infrastructure.batch;

import io.kibly.engine.application.AuditService;
import io.kibly.engine.application.BatchExecution;
import io.kibly.engine.application.BatchJob;
import io.kibly.engine.application.BatchJobs;
import io.kibly.engine.domain.model.audit.FieldChanges;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import java.lang.management.ManagementFactory;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one starter of batch jobs (a job is visible only to the component that started it). The tenant travels
 * as the job parameter {@code tenantId}; an execution of another tenant is reported as not found.
 */
@Stateless
// Outside a transaction: the batch runtime creates its repository tables on first use, and DDL inside the
// caller's transaction would be invisible to its own connections (and rolled back with the caller).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JakartaBatchJobs implements BatchJobs {

    static final String TENANT_PARAMETER = "tenantId";

    @Inject
    AuditService audit;

    @Override
    public long start(TenantId tenantId, BatchJob job, Map<String, String> parameters) {
        Properties jobParameters = new Properties();
        jobParameters.putAll(parameters);
        jobParameters.setProperty(TENANT_PARAMETER, tenantId.id());
        long executionId = operator().start(job.jobXmlName(), jobParameters);
        audit.record(tenantId, "batch-job.started", "batch-execution", String.valueOf(executionId),
                FieldChanges.none().field("jobName", null, job.jobXmlName()));
        return executionId;
    }

    @Override
    public void stop(TenantId tenantId, long executionId) {
        JobExecution execution = owned(tenantId, executionId);
        if (execution != null && isActive(execution.getBatchStatus())) {
            try {
                operator().stop(executionId);
            } catch (JobExecutionNotRunningException e) {
                // it ended meanwhile
            }
        }
    }

    @Override
    public long resume(TenantId tenantId, long executionId, boolean stalled) {
        JobExecution execution = owned(tenantId, executionId);
        if (execution == null) {
            throw new NoSuchJobExecutionException("No batch execution " + executionId + " of the tenant visible to"
                    + " this deployment");
        }
        BatchStatus status = execution.getBatchStatus();
        if (isActive(status) && startedInThisServer(execution)) {
            if (!stalled) {
                return executionId;
            }
            try {
                operator().stop(executionId); // should any of it still run, it stops after its chunk
            } catch (RuntimeException e) {
                // not running after all
            }
        }
        long resumed;
        if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
            resumed = operator().restart(executionId, execution.getJobParameters());
        } else {
            // left STARTED by a server that died: the batch runtime will not restart it, so a new execution
            // carries the job on (its artifacts resume from the engine's own checkpoints)
            resumed = operator().start(execution.getJobName(), execution.getJobParameters());
        }
        audit.record(tenantId, "batch-job.resumed", "batch-execution", String.valueOf(resumed), FieldChanges.none()
                .field("jobName", null, execution.getJobName()).field("previousExecution", null, executionId)
                .field("previousStatus", null, status));
        return resumed;
    }

    private static boolean isActive(BatchStatus status) {
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }

    private static boolean startedInThisServer(JobExecution execution) {
        Date created = execution.getCreateTime();
        return created != null && created.getTime() >= ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** The execution when it belongs to the tenant (its tenant parameter), else null. */
    private static JobExecution owned(TenantId tenantId, long executionId) {
        try {
            JobExecution execution = operator().getJobExecution(executionId);
            Properties parameters = execution.getJobParameters();
            return parameters != null && tenantId.id().equals(parameters.getProperty(TENANT_PARAMETER))
                    ? execution : null;
        } catch (NoSuchJobExecutionException | JobSecurityException e) {
            // gone, or started by an earlier deployment of the application (the batch runtime scopes executions
            // to the deployment that started them)
            return null;
        }
    }

    @Override
    public Optional<BatchExecution> execution(TenantId tenantId, long executionId) {
        JobExecution execution;
        try {
            execution = operator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException | JobSecurityException e) {
            return Optional.empty();
        }
        Properties parameters = execution.getJobParameters();
        if (parameters == null || !tenantId.id().equals(parameters.getProperty(TENANT_PARAMETER))) {
            return Optional.empty();
        }
        return Optional.of(new BatchExecution(executionId, execution.getJobName(), execution.getBatchStatus().name(),
                execution.getExitStatus(), instant(execution.getCreateTime()), instant(execution.getStartTime()),
                instant(execution.getEndTime())));
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
