package io.kmarket.scheduler.job.backfill;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.job.engine.DependentDispatcher;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobDefinition;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.scheduler.job.leader.Leadership;

/**
 * Runs the requested backfills on the leader, one at a time (they compete for the same rate-limited sources) and
 * one date at a time: oldest first, or for the first start newest first with the dependents following oldest
 * first once the history is in. Dates that already succeeded are skipped, which makes resuming (or repeating a
 * request) cheap.
 */
@ApplicationScoped
public class BackfillWorker {

    private static final Logger LOG = Logger.getLogger(BackfillWorker.class);

    private final Clock clock;
    private final JobCatalog catalog;
    private final JobRunStore runs;
    private final JobRunner runner;
    private final DependentDispatcher dependencies;
    private final Provider<Leadership> leadership;
    private final BackfillStore store;
    private final BackfillRequests requests;
    private final FirstStartBackfills firstStart;
    private final Set<Long> inHand = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("kmarket-backfill").factory());

    BackfillWorker(Clock clock, JobCatalog catalog, JobRunStore runs, JobRunner runner,
            DependentDispatcher dependencies, Provider<Leadership> leadership, BackfillStore store,
            BackfillRequests requests, FirstStartBackfills firstStart) {
        this.clock = clock;
        this.catalog = catalog;
        this.runs = runs;
        this.runner = runner;
        this.dependencies = dependencies;
        this.leadership = leadership;
        this.store = store;
        this.requests = requests;
        this.firstStart = firstStart;
    }

    /**
     * Called by every tick of the leader: works on each pending or interrupted backfill not yet in hand, whichever
     * instance accepted the request. A backfill is never started during the election itself, when this instance
     * does not report itself leader yet.
     */
    public void startPending() {
        firstStart.requestIfFirstStart();
        for (Backfill backfill : store.unfinished()) {
            if (inHand.add(backfill.id())) {
                worker.submit(() -> {
                    try {
                        work(backfill.id());
                    } finally {
                        inHand.remove(backfill.id());
                    }
                });
            }
        }
    }

    private void work(long id) {
        // Marked running before its range is read: a recomputation widened meanwhile is then a new request.
        if (!store.markRunning(id)) {
            return;
        }
        Backfill backfill = store.find(id).orElseThrow();
        Optional<JobDefinition> found = catalog.find(backfill.jobName()).filter(catalog::runnable);
        if (found.isEmpty()) {
            finish(id, BackfillStatus.FAILED, "job " + backfill.jobName() + " is unknown or disabled");
            return;
        }
        JobDefinition job = found.get();
        int done = 0;
        int failed = 0;
        List<LocalDate> dates = requests.datesOf(job, backfill.from(), backfill.to());
        // Dependents in step with the dates only when those go oldest first: indicators roll forward from the
        // previous day's values, so a newest-first history gets its dependents after it is all in, oldest first.
        boolean dependentsInStep = backfill.withDependents() && !backfill.newestFirst();
        NavigableMap<LocalDate, RunStatus> outcomes = new TreeMap<>();
        try {
            for (LocalDate date : backfill.newestFirst() ? dates.reversed() : dates) {
                if (paused(id)) {
                    return;
                }
                RunStatus status = runOne(job, date, backfill.rerun());
                if (status == RunStatus.ABANDONED) {
                    return;
                }
                outcomes.put(date, status);
                if (dependentsInStep) {
                    followDependents(job, date, status);
                }
                failed += status == RunStatus.FAILED ? 1 : 0;
                store.progress(id, ++done);
            }
            if (backfill.withDependents() && !dependentsInStep) {
                for (Map.Entry<LocalDate, RunStatus> outcome : outcomes.entrySet()) {
                    if (paused(id)) {
                        return;
                    }
                    followDependents(job, outcome.getKey(), outcome.getValue());
                }
            }
            finish(id, BackfillStatus.DONE, failed == 0 ? null : failed + " dates failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DeposedLeaderException e) {
            // Not a failure of the backfill: the current leader resumes it where the last landed write left it.
            LOG.infof("backfill %d stopped: %s", id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "backfill %d broke", id);
            finish(id, BackfillStatus.FAILED, e.toString());
        }
    }

    /** Leadership lost: the backfill stops here and the next leader resumes it. */
    private boolean paused(long id) {
        if (leadership.get().isLeader()) {
            return false;
        }
        LOG.infof("backfill %d paused: no longer leader", id);
        return true;
    }

    /** Runs the job for a date unless it already succeeded, or records it skipped if an upstream did not. */
    private RunStatus runOne(JobDefinition job, LocalDate date, boolean rerun) throws InterruptedException {
        if (!rerun && runs.hasSucceeded(job.name(), date)) {
            return RunStatus.SUCCEEDED;
        }
        for (String upstream : job.after()) {
            if (!runs.hasSucceeded(upstream, date)) {
                dependencies.skip(job, date, "upstream " + upstream + " has not succeeded for " + date);
                return RunStatus.SKIPPED;
            }
        }
        return runner.runAndWait(job, date, RunTrigger.BACKFILL);
    }

    private void followDependents(JobDefinition upstream, LocalDate date, RunStatus status)
            throws InterruptedException {
        for (JobDefinition dependent : catalog.dependentsOf(upstream.name())) {
            // Left out, not waited for: a run of today may hold the job long after the history is in.
            if (!catalog.runnable(dependent) || !dependent.inBackfills()) {
                continue;
            }
            if (status == RunStatus.SUCCEEDED) {
                RunStatus own = runOne(dependent, date, false);
                if (own != RunStatus.ABANDONED) {
                    followDependents(dependent, date, own);
                }
            } else if (status == RunStatus.FAILED || status == RunStatus.SKIPPED) {
                dependencies.skip(dependent, date, "upstream " + upstream.name() + " "
                        + status.name().toLowerCase(Locale.ROOT) + " for " + date);
            }
        }
    }

    private void finish(long id, BackfillStatus status, String error) {
        store.finish(id, status, error, clock.instant());
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }
}
