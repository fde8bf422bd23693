package io.kmarket.scheduler.job.engine;

import java.time.Duration;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.job.heal.Healing;
import io.kmarket.scheduler.job.heal.RollForwardRecomputes;

/**
 * What follows the end of a run: metrics, a notification if it failed, its heal, its dependents, and the
 * recomputation of later dates that rolled forward from this date's old data.
 */
@ApplicationScoped
class RunEndFollowUps {

    private final JobMetrics metrics;
    private final FailureNotifier notifier;
    private final DependentDispatcher dependencies;
    private final Healing healing;
    private final RollForwardRecomputes recomputes;

    RunEndFollowUps(JobMetrics metrics, FailureNotifier notifier, DependentDispatcher dependencies, Healing healing,
            RollForwardRecomputes recomputes) {
        this.metrics = metrics;
        this.notifier = notifier;
        this.dependencies = dependencies;
        this.healing = healing;
        this.recomputes = recomputes;
    }

    void completed(JobDefinition job, LocalDate date, RunTrigger trigger, RunStatus status, String error,
            Duration took) {
        metrics.finished(job.name(), status, took);
        if (status == RunStatus.FAILED) {
            notifier.notifyFailure(job.name(), date, status, error);
        }
        notifier.runFinished(job.name(), date, status);
        // Before the dependents: a dependent's own heal must see this date's outcome.
        healing.runEnded(job, date, status, error);
        // A backfill drives its own dependents date by date (see BackfillWorker).
        if (trigger != RunTrigger.BACKFILL) {
            dependencies.upstreamFinished(job, date, status, error);
            if (status == RunStatus.SUCCEEDED) {
                recomputes.upstreamSucceeded(job, date);
            }
        }
    }
}
