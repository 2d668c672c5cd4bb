package io.kibly.engine.application.internal;

import io.kibly.engine.application.LedgerGateway.LedgerPage;
import io.kibly.engine.application.internal.SyncJobSteps.PageWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pages fetched ahead: while a worker stores page n of a job, the next page is already being fetched, so the
 * provider's latency overlaps the database's. Only an optimisation: the checkpoint decides what is stored, a
 * prefetched page is used only by the worker that claims exactly that page (same step, entity, bound and page
 * number), and a lost or failed prefetch simply means a normal fetch.
 */
@ApplicationScoped
public class PrefetchedPages {

    private static final Duration KEEP = Duration.ofMinutes(2);

    record Key(UUID jobId, int step, String entity, Instant since, int page) {
        static Key of(UUID jobId, int step, PageWork work) {
            return new Key(jobId, step, work.entity(), work.since(), work.page());
        }
    }

    private record Entry(CompletableFuture<LedgerPage> page, Instant started) {
    }

    private final Map<Key, Entry> pages = new ConcurrentHashMap<>();

    void put(Key key, CompletableFuture<LedgerPage> page) {
        Instant now = Instant.now();
        pages.values().removeIf(entry -> entry.started().isBefore(now.minus(KEEP)));
        pages.put(key, new Entry(page, now));
    }

    /** The fetch started ahead for exactly this claim, if there is one (taken: nobody else gets it). */
    Optional<CompletableFuture<LedgerPage>> take(Key key) {
        return Optional.ofNullable(pages.remove(key)).map(Entry::page);
    }

    /** A fetch ahead that was not made (the job stopped, or the budget said wait): the claimer fetches itself. */
    void forget(Key key) {
        pages.remove(key);
    }

    /** The prefetched page, or the exception its fetch ended with (as the fetch itself would have thrown it). */
    static LedgerPage await(CompletableFuture<LedgerPage> page) {
        try {
            return page.get(45, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new io.kibly.engine.application.ProviderUnavailableException("The page fetched ahead did not arrive");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.kibly.engine.application.ProviderUnavailableException("Interrupted waiting for a page");
        }
    }
}
