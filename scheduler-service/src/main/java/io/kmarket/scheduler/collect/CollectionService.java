package io.kmarket.scheduler.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.collect.site.SiteConfig;
import io.kmarket.scheduler.collect.site.SiteRegistry;
import io.kmarket.scheduler.collect.site.SiteRuntime;
import io.kmarket.scheduler.fencing.CurrentTerm;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.fencing.Term;
import io.quarkus.arc.All;

/**
 * Executes collection plans. Every task gets a virtual thread at once; the limits that make them wait (global
 * and per-site concurrency, per-site token bucket) are taken per HTTP request, in arrival order, so tasks are
 * submitted tier 1 first, then by reliability. Synchronous; an interrupt cancels the tasks still running, and so
 * does a refused commit of a deposed leader (thrown as {@link DeposedLeaderException}, nothing summarised).
 */
@ApplicationScoped
public class CollectionService {

    private static final Logger LOG = Logger.getLogger(CollectionService.class);

    private final TaskRunner runner;
    private final SiteRegistry sites;
    private final List<RunListener> runListeners;
    private final Clock clock;
    private final CurrentTerm leadership;

    CollectionService(TaskRunner runner, SiteRegistry sites, @All List<RunListener> runListeners, Clock clock,
            CurrentTerm leadership) {
        this.leadership = leadership;
        this.runner = runner;
        this.sites = sites;
        this.runListeners = runListeners;
        this.clock = clock;
    }

    public CollectionRunSummary run(CollectionPlan plan, ProgressListener progress) {
        return run(UUID.randomUUID(), plan, progress);
    }

    /** Under the leadership current when the run starts: taken once, so a later re-election is not its term. */
    public CollectionRunSummary run(UUID runId, CollectionPlan plan, ProgressListener progress) {
        return run(leadership.required(), runId, plan, progress);
    }

    /** Every commit of the run is fenced with {@code term}: refused once that leadership is over. */
    public CollectionRunSummary run(Term term, UUID runId, CollectionPlan plan, ProgressListener progress) {
        Instant startedAt = clock.instant();
        List<CollectionTask> tasks = ordered(plan.tasks());
        LOG.infof("Collection run %s (%s): %d tasks", runId, plan.name(), tasks.size());
        Tally tally = new Tally(runId);
        List<Future<TaskOutcome>> futures = new ArrayList<>();
        Map<Future<TaskOutcome>, CollectionTask> taskOf = new HashMap<>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<TaskOutcome> completion = new ExecutorCompletionService<>(executor);
            for (CollectionTask task : tasks) {
                Future<TaskOutcome> future = completion.submit(() -> runner.run(term, runId, task));
                futures.add(future);
                taskOf.put(future, task);
            }
            for (int done = 1; done <= tasks.size(); done++) {
                Future<TaskOutcome> finished = completion.take();
                TaskOutcome outcome = outcome(finished);
                tally.add(taskOf.get(finished), outcome);
                progress.progress(done, tasks.size());
            }
        } catch (DeposedLeaderException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        } catch (InterruptedException e) {
            LOG.infof("Collection run %s cancelled after %d of %d tasks", runId, tally.count(), tasks.size());
            futures.forEach(f -> f.cancel(true));
            tally.cancelled(tasks.size() - tally.count());
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
        CollectionRunSummary summary = tally.summary();
        runListeners.forEach(l -> l.finished(plan, startedAt, tally.outcomes(), summary));
        LOG.infof("Collection run %s finished: %s", runId, summary);
        return summary;
    }

    private static TaskOutcome outcome(Future<TaskOutcome> finished) throws InterruptedException {
        try {
            return finished.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeposedLeaderException deposed) {
                throw deposed;
            }
            // TaskRunner records every failure itself; reaching here means recording failed too.
            LOG.errorf(e.getCause(), "A collection task failed outside its own error handling");
            return TaskOutcome.failed(TaskStatus.FAILED);
        }
    }

    /** Tier 1 first, then the most reliable; unknown sites last (they are skipped anyway). */
    private List<CollectionTask> ordered(List<CollectionTask> tasks) {
        Map<String, SiteConfig> configs = sites.sites().stream()
                .map(SiteRuntime::config)
                .collect(Collectors.toMap(SiteConfig::code, Function.identity()));
        Comparator<CollectionTask> byTier = Comparator.comparingInt(
                t -> configs.containsKey(t.site()) ? configs.get(t.site()).tier() : Integer.MAX_VALUE);
        Comparator<CollectionTask> byReliability = Comparator.comparingInt(
                t -> configs.containsKey(t.site()) ? -configs.get(t.site()).reliability() : 0);
        return tasks.stream().sorted(byTier.thenComparing(byReliability)).toList();
    }
}
