package io.kibly.engine.infrastructure.batch;

import io.kibly.engine.application.internal.BatchImportSteps;
import io.kibly.engine.application.internal.ImportEnrichment;
import io.kibly.engine.application.internal.PageFetcher;
import io.kibly.engine.application.internal.RetryPolicy;
import io.kibly.engine.batch.history.HistoricalImport;
import io.kibly.engine.batch.history.PermanentImportFailure;
import io.kibly.engine.domain.model.sync.SyncPartition;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The engine's side of the historical import's batch artifacts. A window's page is fetched outside any
 * transaction (the chunk's is suspended), through the same fetcher and shared rate budget as the queue workers;
 * limits are waited out in place (the wait counted, the job kept alive), passing failures retried with a
 * backoff. Storing joins the chunk's transaction.
 */
@Stateless(name = "HistoricalImport")
@Local(HistoricalImport.class)
public class HistoricalImportBean implements HistoricalImport {

    /** Beats of a long wait: well inside the stall detection's silence (10 s in the tests, 120 s by default). */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(4);

    @EJB
    BatchImportSteps steps;
    @Inject
    PageFetcher fetcher;
    @Inject
    ImportEnrichment enrichment;

    /** Windows read at once: Xero allows 5 concurrent calls per organisation. */
    @Inject
    @ConfigProperty(name = "kibly.sync.batch-parallel-windows", defaultValue = "5")
    int parallelWindows;
    @Inject
    RetryPolicy retries;

    @Override
    public List<Integer> unfinishedWindows(String tenantId, String jobId) {
        List<SyncPartition> windows = steps.windows(new TenantId(tenantId), UUID.fromString(jobId));
        List<Integer> unfinished = windows.stream().filter(w -> !w.done()).map(SyncPartition::index).toList();
        return unfinished.isEmpty() ? List.of(windows.isEmpty() ? 0 : windows.get(0).index()) : unfinished;
    }

    @Override
    public int parallelWindows(String tenantId, String jobId) {
        return parallelWindows;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Object nextPage(String tenantId, String jobId, int window) {
        TenantId tenant = new TenantId(tenantId);
        UUID job = UUID.fromString(jobId);
        int attempt = 0;
        while (true) {
            Optional<BatchImportSteps.WindowWork> claimed = steps.windowWork(tenant, job, window);
            if (claimed.isEmpty()) {
                return null;
            }
            BatchImportSteps.WindowWork work = claimed.get();
            PageFetcher.Fetched fetched = fetcher.fetch(tenant, work.integrationId(), work.provider(), work.entity(),
                    work.since(), work.page());
            if (fetched instanceof PageFetcher.Page page) {
                return new BatchImportSteps.WindowPage(work.integrationId(), work.provider(), window, work.since(),
                        work.page(), page.page(), enrichment.forPage(tenant, page.page().transactions()));
            }
            if (fetched instanceof PageFetcher.Permanent failure) {
                steps.fail(tenant, job, failure.error()); // no retry of the job either
                throw new PermanentImportFailure(failure.error());
            }
            Duration pause;
            if (fetched instanceof PageFetcher.Wait wait) {
                steps.waited(tenant, job, wait.providerRefused());
                // a long wait (the minute's budget spent) is slept in steps, the job kept alive between them
                for (Duration left = wait.delay(); left.compareTo(KEEP_ALIVE) > 0; left = left.minus(KEEP_ALIVE)) {
                    sleep(KEEP_ALIVE);
                    steps.waited(tenant, job, false);
                }
                pause = Duration.ofMillis(wait.delay().toMillis() % KEEP_ALIVE.toMillis());
            } else {
                String error = ((PageFetcher.Transient) fetched).error();
                if (++attempt >= retries.maxAttempts()) {
                    throw new IllegalStateException(error + " (" + attempt + " attempts)");
                }
                steps.retried(tenant, job, error);
                pause = retries.backoff(attempt);
            }
            sleep(pause);
        }
    }

    @Override
    public void store(String tenantId, String jobId, int window, Object page) {
        steps.storeWindowPage(new TenantId(tenantId), UUID.fromString(jobId), (BatchImportSteps.WindowPage) page);
    }

    @Override
    public void complete(String tenantId, String jobId) {
        steps.complete(new TenantId(tenantId), UUID.fromString(jobId));
    }

    @Override
    public void fail(String tenantId, String jobId, String reason) {
        steps.executionFailed(new TenantId(tenantId), UUID.fromString(jobId), reason);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(Math.max(50, pause.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to read a window", e);
        }
    }
}
