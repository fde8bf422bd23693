package io.kmarket.scheduler.job.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.calendar.TradingCalendar;
import io.kmarket.scheduler.job.config.JobsConfig;

/**
 * Runs a dependent job for a logical date once every upstream succeeded for that date, and records it as
 * skipped (with the reason) when an upstream failed or was skipped: a dependent never runs on stale data.
 * State lives in ops.job_runs, so a dispatch missed by a crash is found again by the next leader's tick.
 */
@ApplicationScoped
public class DependentDispatcher {

    private final Clock clock;
    private final JobsConfig config;
    private final JobCatalog catalog;
    private final JobRunStore runs;
    private final JobStateStore states;
    private final JobRunner runner;
    private final JobMetrics metrics;
    private final FailureNotifier notifier;
    private final TradingCalendar calendar;

    DependentDispatcher(Clock clock, JobsConfig config, JobCatalog catalog, JobRunStore runs, JobStateStore states,
            JobRunner runner, JobMetrics metrics, FailureNotifier notifier, TradingCalendar calendar) {
        this.clock = clock;
        this.config = config;
        this.catalog = catalog;
        this.runs = runs;
        this.states = states;
        this.runner = runner;
        this.metrics = metrics;
        this.notifier = notifier;
        this.calendar = calendar;
    }

    // Synchronized: runs end on many threads; two dispatches reading the history at once would both find a
    // dependent not yet started and run it twice.
    synchronized void upstreamFinished(JobDefinition upstream, LocalDate date, RunStatus status, String error) {
        if (status == RunStatus.SUCCEEDED) {
            dispatch();
            // A date older than the window (a healed failure, a repaired gap) still gets its dependents.
            if (date != null && date.isBefore(today().minus(config.dependencyWindow()))) {
                dispatch(date, date);
            }
        } else if (status == RunStatus.FAILED || status == RunStatus.SKIPPED) {
            String reason = "upstream " + upstream.name() + " " + status.value() + " for " + date
                    + (error == null ? "" : ": " + error);
            for (JobDefinition dependent : catalog.dependentsOf(upstream.name())) {
                skip(dependent, date, reason);
            }
        }
    }

    /** Records the dependent (and, transitively, its own dependents) as skipped for the date. */
    public synchronized void skip(JobDefinition dependent, LocalDate date, String reason) {
        if (!catalog.runnable(dependent)) {
            return;
        }
        boolean alreadySkipped = runs.lastFinished(dependent.name(), date)
                .filter(run -> run.status() == RunStatus.SKIPPED && reason.equals(run.error())).isPresent();
        if (!alreadySkipped) {
            runs.recordSkipped(dependent.name(), date, RunTrigger.DEPENDENCY, reason, clock.instant());
            metrics.skipped(dependent.name());
            notifier.notifyFailure(dependent.name(), date, RunStatus.SKIPPED, reason);
        }
        for (JobDefinition next : catalog.dependentsOf(dependent.name())) {
            skip(next, date, "upstream " + dependent.name() + " skipped for " + date + ": " + reason);
        }
    }

    /** Submits each dependent for every recent date whose upstreams all succeeded after its own last run. */
    public synchronized void dispatch() {
        LocalDate today = today();
        dispatch(today.minus(config.dependencyWindow()), today);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    private void dispatch(LocalDate from, LocalDate to) {
        for (JobDefinition dependent : catalog.all()) {
            if (dependent.after().isEmpty() || !catalog.runnable(dependent) || states.paused(dependent.name())) {
                continue;
            }
            Map<LocalDate, Instant> ready = readySince(dependent.after(), from, to);
            Map<LocalDate, Instant> lastStarts = runs.lastStarts(dependent.name(), from, to);
            // A day found closed after its collection ran (KRX quoted no stock) has nothing to compute.
            Set<LocalDate> open = dependent.tradingDaysOnly() ? new HashSet<>(calendar.tradingDays(from, to)) : null;
            ready.forEach((date, readyAt) -> {
                Instant lastStart = lastStarts.get(date);
                if ((open == null || open.contains(date)) && (lastStart == null || lastStart.isBefore(readyAt))) {
                    runner.submit(dependent, date, RunTrigger.DEPENDENCY, null);
                }
            });
        }
    }

    /** Dates on which all upstreams succeeded (outside backfills), with the moment the last of them did. */
    private Map<LocalDate, Instant> readySince(List<String> upstreams, LocalDate from, LocalDate to) {
        Map<LocalDate, Instant> ready = null;
        for (String upstream : upstreams) {
            Map<LocalDate, Instant> succeeded = runs.succeededOutsideBackfills(upstream, from, to);
            if (ready == null) {
                ready = new TreeMap<>(succeeded);
            } else {
                ready.keySet().retainAll(succeeded.keySet());
                ready.replaceAll((date, at) -> at.isAfter(succeeded.get(date)) ? at : succeeded.get(date));
            }
        }
        return ready == null ? Map.of() : ready;
    }
}
