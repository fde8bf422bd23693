package io.kmarket.scheduler.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.kit.jdbc.DataAccessException;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchFailure;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.Fetcher;
import io.kmarket.scheduler.collect.fetch.FetcherRegistry;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.fetch.Rejection;
import io.kmarket.scheduler.collect.site.CollectMetrics;
import io.kmarket.scheduler.collect.site.SiteRegistry;
import io.kmarket.scheduler.collect.site.SiteRuntime;
import io.kmarket.scheduler.collect.store.ExecutionRecorder;
import io.kmarket.scheduler.collect.store.ExecutionRecorder.TaskRecord;
import io.kmarket.scheduler.collect.store.MarketWriter;
import io.kmarket.scheduler.collect.store.RawPayloads;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.fencing.Term;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/** Runs one task end to end: choose the fetcher, fetch, store, and record the outcome and the site's health. */
@ApplicationScoped
class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class);

    private final SiteRegistry sites;
    private final FetcherRegistry fetchers;
    private final MarketWriter writer;
    private final ExecutionRecorder recorder;
    private final CollectMetrics metrics;
    private final RawPayloads raw;
    private final Clock clock;
    /** Sources already reported as unconfigured, so the log says it once per source, not once per task. */
    private final Set<String> reportedUnconfigured = ConcurrentHashMap.newKeySet();

    TaskRunner(SiteRegistry sites, FetcherRegistry fetchers, MarketWriter writer, ExecutionRecorder recorder,
            CollectMetrics metrics, RawPayloads raw, Clock clock) {
        this.sites = sites;
        this.fetchers = fetchers;
        this.writer = writer;
        this.recorder = recorder;
        this.metrics = metrics;
        this.raw = raw;
        this.clock = clock;
    }

    TaskOutcome run(Term term, UUID runId, CollectionTask task) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Optional<SiteRuntime> found = sites.site(task.site());
        if (found.isEmpty()) {
            return skip(runId, task, started, "unknown_site", "no site " + task.site() + " in ops.sites");
        }
        SiteRuntime site = found.get();
        if (!site.config().active()) {
            return skip(runId, task, started, "inactive", "site " + task.site() + " is inactive in ops.sites");
        }
        Optional<Fetcher> fetcher = fetchers.find(site.config(), task.dataset());
        if (fetcher.isEmpty()) {
            return skip(runId, task, started, "no_fetcher", "no fetcher for " + task.site() + " "
                    + task.dataset() + " via " + site.config().accessMethod());
        }
        if (site.circuit() == CircuitBreakerState.OPEN) {
            return skipOpenCircuit(runId, task, site, started);
        }
        FetchContext context = new FetchContext(task, site, raw);
        try {
            FetchResult result = fetcher.get().fetch(context);
            int stored = writer.write(term, result.rows());
            long duration = millisSince(startNanos);
            finish(new TaskRecord(runId, task, TaskStatus.SUCCESS, started, duration, stored, context.attempts(),
                    null, null), result.rejections());
            health(site, true, duration, null);
            metrics.recordsStored(task.site(), task.dataset().name(), stored);
            return TaskOutcome.success(stored, result.rejections().size());
        } catch (InterruptedException | RuntimeException e) {
            return ended(FetchFailure.of(e), e, runId, task, site, context, started, startNanos);
        }
    }

    /** The one place a failed task's classification turns into what is recorded, logged and counted. */
    private TaskOutcome ended(FetchFailure failure, Exception e, UUID runId, CollectionTask task, SiteRuntime site,
            FetchContext context, Instant started, long startNanos) {
        return switch (failure) {
            // Not the data's fault and not this instance's work any more: nothing recorded, the run ends.
            case DEPOSED -> throw (DeposedLeaderException) e;
            case CANCELLED -> {
                Thread.currentThread().interrupt();
                yield skip(runId, task, started, failure.reason(), "the run was cancelled");
            }
            case CIRCUIT_OPEN -> skipOpenCircuit(runId, task, site, started);
            case UNCONFIGURED -> {
                if (reportedUnconfigured.add(task.site())) {
                    LOG.infof("Skipping every %s task: %s", task.site(), e.getMessage());
                }
                record(new TaskRecord(runId, task, failure.ending().status(), started, millisSince(startNanos), 0,
                        context.attempts(), failure.reason(), e.getMessage()));
                metrics.task(task.site(), failure.ending().status());
                yield TaskOutcome.skipped(true);
            }
            case ERROR -> {
                LOG.warnf(e, "Task %s/%s failed unexpectedly", task.site(), task.key());
                yield fail(runId, task, site, context, started, startNanos, failure, e, List.of());
            }
            // The whole answer is rejected: recorded as a rejection too, one per answer (concurrent pages may bring
            // several), so every malformed answer can be counted.
            case MALFORMED -> fail(runId, task, site, context, started, startNanos, failure, e, malformedAnswers(e));
            case RATE_LIMITED, TIMEOUT, TRANSIENT, BLOCKED, REJECTED ->
                    fail(runId, task, site, context, started, startNanos, failure, e, List.of());
        };
    }

    private TaskOutcome fail(UUID runId, CollectionTask task, SiteRuntime site, FetchContext context,
            Instant started, long startNanos, FetchFailure failure, Exception e, List<Rejection> rejections) {
        long duration = millisSince(startNanos);
        TaskStatus status = failure.ending().status();
        LOG.debugf("Task %s/%s %s: %s", task.site(), task.key(), status.value(), e.getMessage());
        finish(new TaskRecord(runId, task, status, started, duration, 0, context.attempts(), failure.reason(),
                e.getMessage()), rejections);
        health(site, false, duration, failure.reason() + ": " + e.getMessage());
        return TaskOutcome.failed(status);
    }

    private static List<Rejection> malformedAnswers(Exception e) {
        return Stream.concat(Stream.of(e), Arrays.stream(e.getSuppressed()))
                .filter(MalformedPayloadException.class::isInstance)
                .map(malformed -> new Rejection("malformed answer: " + malformed.getMessage(), null))
                .toList();
    }

    private TaskOutcome skipOpenCircuit(UUID runId, CollectionTask task, SiteRuntime site, Instant started) {
        TaskOutcome outcome = skip(runId, task, started, FetchFailure.CIRCUIT_OPEN.reason(),
                "the circuit of " + task.site() + " is open after repeated failures");
        try {
            recorder.health(site.code(), false, null, site.currentRatePerMinute(), true, "OPEN",
                    site.circuitOpenUntil(), "circuit open");
        } catch (DataAccessException e) {
            LOG.errorf(e, "Could not record the health of %s", site.code());
        }
        return outcome;
    }

    private TaskOutcome skip(UUID runId, CollectionTask task, Instant started, String reason, String message) {
        record(new TaskRecord(runId, task, TaskStatus.SKIPPED, started, 0, 0, 0, reason, message));
        metrics.task(task.site(), TaskStatus.SKIPPED);
        return TaskOutcome.skipped(false);
    }

    private void finish(TaskRecord record, List<Rejection> rejections) {
        record(record);
        metrics.task(record.task().site(), record.status());
        try {
            recorder.rejections(record.runId(), record.task(), rejections);
        } catch (DataAccessException e) {
            LOG.errorf(e, "Could not record %d rejected rows of %s", rejections.size(), record.task().key());
        }
    }

    private void record(TaskRecord record) {
        try {
            recorder.log(record);
        } catch (DataAccessException e) {
            LOG.errorf(e, "Could not record the execution of %s", record.task().key());
        }
    }

    private void health(SiteRuntime site, boolean success, long durationMs, String error) {
        try {
            double rate = site.currentRatePerMinute();
            recorder.health(site.code(), success, durationMs, rate, rate < site.config().ratePerMinute() - 1e-9,
                    site.circuit().name(), site.circuitOpenUntil(), error);
        } catch (DataAccessException e) {
            LOG.errorf(e, "Could not record the health of %s", site.code());
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
