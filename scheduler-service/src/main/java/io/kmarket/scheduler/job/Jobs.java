package io.kmarket.scheduler.job;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.job.backfill.Backfill;
import io.kmarket.scheduler.job.backfill.BackfillRequests;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobDefinition;
import io.kmarket.scheduler.job.engine.JobRun;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.JobScheduler;
import io.kmarket.scheduler.job.engine.JobStateStore;
import io.kmarket.scheduler.job.engine.RunFilter;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.scheduler.job.leader.Leadership;

/**
 * What an operator may ask of the jobs, in one place: the catalogue and each job's state, the run history, run
 * now, cancel, pause and resume, backfills. The REST layer talks to this and nothing else of the engine; the
 * leader-only guard stays with the REST layer, which answers a standby's refusal.
 */
@ApplicationScoped
public class Jobs {

    /** A job as it stands now. */
    public record JobState(JobDefinition definition, boolean paused, boolean running,
            Optional<ZonedDateTime> nextFireTime, Optional<JobRun> lastRun) {
    }

    private final JobCatalog catalog;
    private final JobScheduler scheduler;
    private final JobRunner runner;
    private final JobRunStore runs;
    private final JobStateStore states;
    private final BackfillRequests backfills;
    private final Leadership leadership;
    private final JobsConfig config;
    private final Clock clock;

    Jobs(JobCatalog catalog, JobScheduler scheduler, JobRunner runner, JobRunStore runs, JobStateStore states,
            BackfillRequests backfills, Leadership leadership, JobsConfig config, Clock clock) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.runner = runner;
        this.runs = runs;
        this.states = states;
        this.backfills = backfills;
        this.leadership = leadership;
        this.config = config;
        this.clock = clock;
    }

    public Collection<JobDefinition> all() {
        return catalog.all();
    }

    public Optional<JobDefinition> find(String name) {
        return catalog.find(name);
    }

    /** Whether the job may run (enabled). */
    public boolean runnable(JobDefinition job) {
        return catalog.runnable(job);
    }

    public JobState state(JobDefinition job) {
        return new JobState(job, states.paused(job.name()), runner.isRunning(job.name()),
                catalog.runnable(job) ? scheduler.nextFireTime(job) : Optional.empty(), runs.lastRun(job.name()));
    }

    public List<JobRun> runs(RunFilter filter) {
        return runs.runs(filter);
    }

    /** Today in the jobs' zone: the logical date of a run started now. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    /** Queues a manual run of the job for the date (call on the leader only). */
    public void runNow(JobDefinition job, LocalDate date) {
        runner.submit(job, date, RunTrigger.MANUAL, null);
    }

    /** Stops the job's current run and forgets its waiting runs; false when no run was in progress here. */
    public boolean cancel(JobDefinition job, String reason) {
        return runner.cancel(job.name(), reason);
    }

    public void setPaused(JobDefinition job, boolean paused) {
        states.setPaused(job.name(), paused, clock.instant());
    }

    public Backfill requestBackfill(JobDefinition job, LocalDate from, LocalDate to, boolean withDependents) {
        return backfills.request(job, from, to, withDependents);
    }

    public List<Backfill> recentBackfills(int limit) {
        return backfills.recent(limit);
    }

    public Optional<Backfill> backfill(long id) {
        return backfills.find(id);
    }

    /** "leader" or "standby". */
    public String role() {
        return leadership.role();
    }
}
