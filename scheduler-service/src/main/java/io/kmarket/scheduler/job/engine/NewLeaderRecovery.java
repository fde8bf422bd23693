package io.kmarket.scheduler.job.engine;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.collect.site.SiteRegistry;
import io.kmarket.scheduler.job.backfill.FirstStartBackfills;
import io.kmarket.scheduler.job.config.JobsConfig.CatchUpPolicy;

/**
 * What a new leader does before firing anything: runs left running by a dead process become abandoned and
 * are re-run per the job's catch-up policy, interrupted backfills resume, and an empty database gets its
 * first-start backfill, and the sites keep the block and slowed-down rate the last leader recorded. Missed fire
 * times are caught up by the scheduler's first tick (ops.job_state).
 */
@ApplicationScoped
public class NewLeaderRecovery {

    private static final Logger LOG = Logger.getLogger(NewLeaderRecovery.class);

    private final Clock clock;
    private final JobCatalog catalog;
    private final JobRunStore runs;
    private final JobRunner runner;
    private final JobMetrics metrics;
    private final FirstStartBackfills firstStart;
    private final SiteRegistry sites;

    NewLeaderRecovery(Clock clock, JobCatalog catalog, JobRunStore runs, JobRunner runner, JobMetrics metrics,
            FirstStartBackfills firstStart, SiteRegistry sites) {
        this.clock = clock;
        this.catalog = catalog;
        this.runs = runs;
        this.runner = runner;
        this.metrics = metrics;
        this.firstStart = firstStart;
        this.sites = sites;
    }

    /** Called on election, before this instance reports itself leader. */
    public void recover() {
        // Before any run is re-submitted: its first request must already wait for the recorded block and rate.
        sites.adoptRecordedLimits();
        for (JobRun run : runs.abandonRunning(clock.instant())) {
            LOG.warnf("%s for %s was left running by %s: abandoned", run.jobName(), run.logicalDate(),
                    run.instanceId());
            metrics.abandoned(run.jobName());
            // Backfills re-run their own dates when they resume.
            if (run.trigger() == RunTrigger.BACKFILL) {
                continue;
            }
            catalog.find(run.jobName())
                    .filter(job -> catalog.runnable(job) && job.catchUp() != CatchUpPolicy.NONE)
                    .ifPresent(job -> runner.submit(job, run.logicalDate(), RunTrigger.CATCH_UP, run.scheduledFor()));
        }
        firstStart.checkOnNextTick();
    }
}
