package io.kmarket.scheduler.job.engine;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import io.kmarket.scheduler.fencing.Term;

/** What an action knows about the run it executes, and how it reports progress and notices cancellation. */
public final class JobContext {

    /** Receives progress; the run's recorder throttles the database writes. */
    interface ProgressSink {
        void progress(int done, int total);
    }

    private final Term term;
    private final String jobName;
    private final LocalDate logicalDate;
    private final RunTrigger trigger;
    private volatile int attempt;
    private final ProgressSink sink;
    private volatile boolean cancelled;

    JobContext(Term term, String jobName, LocalDate logicalDate, RunTrigger trigger, ProgressSink sink) {
        this.term = term;
        this.jobName = jobName;
        this.logicalDate = logicalDate;
        this.trigger = trigger;
        this.sink = sink;
    }

    /** A context for running an action outside the framework, e.g. from a test or a one-off tool. */
    public static JobContext standalone(String jobName, LocalDate logicalDate) {
        return new JobContext(null, jobName, logicalDate, RunTrigger.MANUAL, (done, total) -> {
        });
    }

    /**
     * The leadership the run started under, which every write of the run is fenced with: not the process's current
     * one, which after a step-down and a re-election in the same process is a newer epoch the run has no part in.
     * Empty for a {@link #standalone} context.
     */
    public Optional<Term> term() {
        return Optional.ofNullable(term);
    }

    public String jobName() {
        return jobName;
    }

    /** The (trading) date the run covers. */
    public LocalDate logicalDate() {
        return logicalDate;
    }

    public RunTrigger trigger() {
        return trigger;
    }

    /** 1 for the first attempt, then 2, 3 ... on retries. */
    public int attempt() {
        return attempt;
    }

    public void progress(int done, int total) {
        sink.progress(done, total);
    }

    public boolean cancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** For actions that check at safe points: throws once the run was cancelled. */
    public void throwIfCancelled() {
        if (cancelled()) {
            throw new CancellationException(jobName + " for " + logicalDate + " was cancelled");
        }
    }

    void nextAttempt() {
        attempt++;
    }

    void cancel() {
        cancelled = true;
    }
}
