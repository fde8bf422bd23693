package io.kmarket.scheduler.job.actions;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.kmarket.scheduler.client.MlPreconditionException;
import io.kmarket.scheduler.client.MlRun;
import io.kmarket.scheduler.client.MlServiceClient;
import io.kmarket.scheduler.client.MlServiceClient.Kind;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.engine.JobAction;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.smallrye.common.annotation.Identifier;

/** The ml jobs: each starts a run on ml-service for the logical date and follows it until it ends. */
@ApplicationScoped
class MlJobActions {

    /**
     * Most runs for one day end within a second (a day's indicators take ~0.1 s): polling starts this soon and
     * backs off to the configured interval, so a first-start backfill of a year does not wait 2 s per run and job.
     */
    private static final Duration FIRST_POLL = Duration.ofMillis(100);

    private final MlServiceClient ml;
    private final JobsConfig config;

    MlJobActions(MlServiceClient ml, JobsConfig config) {
        this.ml = ml;
        this.config = config;
    }

    @Produces
    @Identifier(JobNames.INDICATORS)
    JobAction indicators() {
        return ctx -> follow(ctx, Kind.INDICATORS);
    }

    @Produces
    @Identifier(JobNames.MODEL_TRAINING)
    JobAction modelTraining() {
        return ctx -> follow(ctx, Kind.TRAIN);
    }

    @Produces
    @Identifier(JobNames.PREDICTIONS)
    JobAction predictions() {
        return ctx -> follow(ctx, Kind.PREDICT);
    }

    @Produces
    @Identifier(JobNames.EVALUATION)
    JobAction evaluation() {
        return ctx -> follow(ctx, Kind.EVALUATE);
    }

    private JobOutcome follow(JobContext ctx, Kind kind) throws InterruptedException {
        LocalDate date = ctx.logicalDate();
        MlRun run;
        try {
            run = ml.start(kind, date);
        } catch (MlPreconditionException e) {
            return JobOutcome.skipped("ml-service: " + e.getMessage());
        }
        Duration wait = FIRST_POLL;
        while (run.running()) {
            ctx.throwIfCancelled();
            Thread.sleep(wait);
            wait = min(wait.multipliedBy(2), config.ml().pollInterval());
            run = ml.run(run.runId());
        }
        long records = run.records() == null ? 0 : run.records();
        return run.succeeded() ? JobOutcome.succeeded(records)
                : JobOutcome.failed(records, "ml-service " + kind.name().toLowerCase(Locale.ROOT)
                        + " run " + run.runId() + " " + run.status() + ": " + run.error());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
