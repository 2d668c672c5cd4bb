package io.kibly.engine.infrastructure.batch;

import io.kibly.engine.application.AuditService;
import io.kibly.engine.application.BatchExecution;
import io.kibly.engine.application.BatchJob;
import io.kibly.engine.application.BatchJobs;
import io.kibly.engine.domain.model.audit.FieldChanges;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.batch.operations.JobOperator;
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
    public Optional<BatchExecution> execution(TenantId tenantId, long executionId) {
        JobExecution execution;
        try {
            execution = operator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
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
