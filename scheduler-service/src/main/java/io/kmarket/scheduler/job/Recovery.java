package io.kmarket.scheduler.job;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.collect.site.SiteRegistry;
import io.kmarket.scheduler.config.JobsConfig.CatchUpPolicy;

/**
 * What a new leader does before firing anything: runs left running by a dead process become abandoned and
 * are re-run per the job's catch-up policy, interrupted backfills resume, and an empty database gets its
 * first-start backfill, and the sites keep the block and slowed-down rate the last leader recorded. Missed fire
 * times are caught up by the scheduler's first tick (ops.job_state).
 */
@ApplicationScoped
class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class);

    private final Clock clock;
    private final JobCatalog catalog;
    private final JobRunRepository runs;
    private final JobRunner runner;
    private final JobMetrics metrics;
    private final BackfillService backfills;
    private final SiteRegistry sites;

    Recovery(Clock clock, JobCatalog catalog, JobRunRepository runs, JobRunner runner, JobMetrics metrics,
            BackfillService backfills, SiteRegistry sites) {
        this.clock = clock;
        this.catalog = catalog;
        this.runs = runs;
        this.runner = runner;
        this.metrics = metrics;
        this.backfills = backfills;
        this.sites = sites;
    }

    void recover() {
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
        backfills.resumeOnNextTick();
    }
}
