package io.kmarket.scheduler.job.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.fencing.CurrentTerm;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.fencing.Term;
import io.kmarket.scheduler.job.leader.InstanceId;
import io.kmarket.scheduler.job.leader.Leadership;

/**
 * Executes runs: one at a time per job (the database's partial unique index is the real guard, the in-memory
 * queue only orders what waits), with retries, a deadline and cancellation. The end of a run is written once,
 * by whoever gets there first (the worker, the timeout, a new leader's recovery): the conditional UPDATE decides.
 * <p>
 * Only the leader starts runs: each run belongs to the leadership term it started in, and every write of it
 * carries that term, so a run of a deposed leader (detached, or still working in a process that froze past its
 * session timeout) writes nothing once another instance took over. Such a refusal ends the run here as
 * abandoned: not a failure, so neither notified nor retried nor healed; the new leader re-runs it.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final int MAX_QUEUED_PER_JOB = 64;

    /** A run waiting for its job to be free. */
    record Pending(LocalDate date, RunTrigger trigger, Instant scheduledFor) {
    }

    private final class Execution {
        final Term term;
        final long runId;
        final JobDefinition job;
        final LocalDate date;
        final JobContext ctx;
        final Instant startedAt;
        final CompletableFuture<RunStatus> done = new CompletableFuture<>();
        volatile Future<?> work;
        /** Set when leadership is lost: the run is left for the next leader, this process writes nothing more. */
        volatile boolean detached;

        Execution(Term term, long runId, JobDefinition job, LocalDate date, JobContext ctx, Instant startedAt) {
            this.term = term;
            this.runId = runId;
            this.job = job;
            this.date = date;
            this.ctx = ctx;
            this.startedAt = startedAt;
        }
    }

    private final Clock clock;
    private final JobCatalog catalog;
    private final JobRunStore runs;
    private final RunEndFollowUps completion;
    private final InstanceId instance;
    private final CurrentTerm leadership;
    // Virtual threads: a run mostly waits on HTTP and JDBC, and each job has at most one.
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Execution> active = new ConcurrentHashMap<>();
    private final Map<String, Deque<Pending>> queued = new ConcurrentHashMap<>();

    JobRunner(Clock clock, JobCatalog catalog, JobRunStore runs, RunEndFollowUps completion, InstanceId instance,
            CurrentTerm leadership) {
        this.clock = clock;
        this.catalog = catalog;
        this.runs = runs;
        this.completion = completion;
        this.instance = instance;
        this.leadership = leadership;
    }

    /** Queues a run for the job; it starts now if the job is free, else when its current run ends. */
    public void submit(JobDefinition job, LocalDate date, RunTrigger trigger, Instant scheduledFor) {
        Deque<Pending> queue = queued.computeIfAbsent(job.name(), name -> new ArrayDeque<>());
        synchronized (queue) {
            Execution current = active.get(job.name());
            boolean duplicate = queue.stream().anyMatch(p -> p.date().equals(date))
                    || trigger == RunTrigger.DEPENDENCY && current != null && current.date.equals(date);
            if (!duplicate && queue.size() < MAX_QUEUED_PER_JOB) {
                queue.addLast(new Pending(date, trigger, scheduledFor));
            } else if (!duplicate) {
                LOG.warnf("%s: %d runs already waiting, dropping %s for %s", job.name(), queue.size(), trigger, date);
            }
        }
        drain(job);
    }

    /** Starts the next queued run of each free job. */
    public void drainAll() {
        for (JobDefinition job : catalog.all()) {
            drain(job);
        }
    }

    /**
     * Starts a run unless the job is busy or this instance is not the leader; the future completes with the run's
     * final status.
     */
    public Optional<CompletableFuture<RunStatus>> tryStart(JobDefinition job, LocalDate date, RunTrigger trigger,
            Instant scheduledFor) {
        JobAction action = catalog.action(job.name());
        // Under the monitor detachAll takes: a start either sees the step-down or is detached by it.
        synchronized (this) {
            Optional<Term> term = leadership.get();
            if (term.isEmpty()) {
                LOG.debugf("%s for %s not started: this instance is standby", job.name(), date);
                return Optional.empty();
            }
            if (active.containsKey(job.name())) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Optional<Long> runId;
            try {
                runId = runs.start(term.get(), job.name(), date, trigger, scheduledFor, instance.value(), now);
            } catch (DeposedLeaderException e) {
                return Optional.empty();
            }
            if (runId.isEmpty()) {
                return Optional.empty();
            }
            Execution execution = new Execution(term.get(), runId.get(), job, date, new JobContext(term.get(), job.name(), date,
                    trigger, new ThrottledProgress(runs, term.get(), runId.get(), clock)), now);
            active.put(job.name(), execution);
            execution.work = workers.submit(() -> execute(execution, action));
            return Optional.of(execution.done);
        }
    }

    /**
     * Waits until the job is free, then runs it and waits for the end (backfill). ABANDONED when this instance is
     * (or becomes) standby meanwhile: the next leader resumes the work.
     */
    public RunStatus runAndWait(JobDefinition job, LocalDate date, RunTrigger trigger) throws InterruptedException {
        while (true) {
            if (leadership.get().isEmpty()) {
                return RunStatus.ABANDONED;
            }
            Optional<CompletableFuture<RunStatus>> started = tryStart(job, date, trigger, null);
            try {
                if (started.isPresent()) {
                    return started.get().get();
                }
                Execution busy = active.get(job.name());
                if (busy != null) {
                    busy.done.handle((status, failure) -> status).get();
                } else {
                    // Running in another process (a deposed leader's run not yet abandoned): look again shortly.
                    Thread.sleep(Duration.ofSeconds(1));
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("run of " + job.name() + " for " + date + " broke", e.getCause());
            }
        }
    }

    /** Fails and cancels every run past its job's timeout. */
    public void enforceTimeouts() {
        Instant now = clock.instant();
        for (Execution execution : List.copyOf(active.values())) {
            Duration timeout = execution.job.timeout();
            if (now.isAfter(execution.startedAt.plus(timeout))) {
                String error = "timed out after " + timeout + " (attempt " + execution.ctx.attempt() + ")";
                LOG.warnf("%s for %s %s", execution.job.name(), execution.date, error);
                // Recorded first: once interrupted, the worker would race to record a mere "cancelled".
                end(execution, RunStatus.FAILED, 0, error);
                cancelWork(execution);
            }
        }
    }

    /** Fails and cancels the job's current run, if any, and drops its waiting runs; true if a run was stopped. */
    public boolean cancel(String job, String reason) {
        Deque<Pending> queue = queued.get(job);
        if (queue != null) {
            synchronized (queue) {
                queue.clear();
            }
        }
        Execution execution = active.get(job);
        if (execution == null) {
            return false;
        }
        LOG.warnf("%s for %s cancelled: %s", job, execution.date, reason);
        end(execution, RunStatus.FAILED, 0, "cancelled: " + reason);
        cancelWork(execution);
        return true;
    }

    /** Leadership lost: stop all work at once and leave the rows for the next leader to abandon and re-run. */
    public synchronized void detachAll() {
        for (Execution execution : List.copyOf(active.values())) {
            execution.detached = true;
            cancelWork(execution);
            active.remove(execution.job.name(), execution);
            execution.done.complete(RunStatus.ABANDONED);
        }
        queued.clear();
    }

    public boolean isRunning(String job) {
        return active.containsKey(job);
    }

    /** Whether the job is running or waiting to run for the date (so that starting it again would double it). */
    public boolean holds(String job, LocalDate date) {
        Execution current = active.get(job);
        if (current != null && current.date.equals(date)) {
            return true;
        }
        Deque<Pending> queue = queued.get(job);
        if (queue == null) {
            return false;
        }
        synchronized (queue) {
            return queue.stream().anyMatch(p -> p.date().equals(date));
        }
    }

    private void drain(JobDefinition job) {
        Deque<Pending> queue = queued.get(job.name());
        if (queue == null) {
            return;
        }
        synchronized (queue) {
            Pending next = queue.peekFirst();
            if (next != null && tryStart(job, next.date(), next.trigger(), next.scheduledFor()).isPresent()) {
                queue.removeFirst();
            }
        }
    }

    private void execute(Execution execution, JobAction action) {
        JobDefinition job = execution.job;
        JobContext ctx = execution.ctx;
        String error = null;
        long records = 0;
        boolean skipped = false;
        while (true) {
            ctx.nextAttempt();
            try {
                runs.attempt(execution.term, execution.runId, ctx.attempt(), clock.instant());
                JobOutcome outcome = action.run(ctx);
                records = outcome.records();
                error = outcome.error();
                skipped = outcome.skipped();
            } catch (DeposedLeaderException e) {
                abandonHere(execution);
                return;
            } catch (InterruptedException | CancellationException e) {
                Thread.currentThread().interrupt();
                error = "cancelled";
            } catch (Exception e) {
                LOG.warnf(e, "%s for %s: attempt %d failed", job.name(), execution.date, ctx.attempt());
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (error == null || skipped || ctx.cancelled() || ctx.attempt() >= job.retry().maxAttempts()) {
                break;
            }
            try {
                Thread.sleep(job.retry().delayBefore(ctx.attempt() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        RunStatus status = error == null ? RunStatus.SUCCEEDED : skipped ? RunStatus.SKIPPED : RunStatus.FAILED;
        end(execution, status, records, error);
    }

    private void end(Execution execution, RunStatus status, long records, String error) {
        if (execution.detached) {
            return;
        }
        Instant now = clock.instant();
        Duration took = Duration.between(execution.startedAt, now);
        Double perSecond = took.isZero() ? null : records * 1000.0 / took.toMillis();
        boolean recorded;
        try {
            recorded = runs.finish(execution.term, execution.runId, status, records, perSecond, error, now);
        } catch (DeposedLeaderException e) {
            abandonHere(execution);
            return;
        }
        active.remove(execution.job.name(), execution);
        execution.done.complete(status);
        if (recorded) {
            completion.completed(execution.job, execution.date, execution.ctx.trigger(), status, error, took);
        }
        drain(execution.job);
    }

    /** The run's leadership is over: forget it here, as a step-down would, and leave its row to the new leader. */
    private void abandonHere(Execution execution) {
        execution.detached = true;
        active.remove(execution.job.name(), execution);
        execution.done.complete(RunStatus.ABANDONED);
    }

    private static void cancelWork(Execution execution) {
        execution.ctx.cancel();
        Future<?> work = execution.work;
        if (work != null) {
            work.cancel(true);
        }
    }

    @PreDestroy
    void shutdown() {
        detachAll();
        workers.shutdownNow();
    }
}
