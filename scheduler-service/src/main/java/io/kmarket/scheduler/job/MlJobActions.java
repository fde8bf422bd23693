package io.kmarket.scheduler.job;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.kmarket.scheduler.client.MlRun;
import io.kmarket.scheduler.client.MlServiceClient;
import io.kmarket.scheduler.client.MlServiceClient.Kind;
import io.kmarket.scheduler.config.JobsConfig;
import io.smallrye.common.annotation.Identifier;

/** The ml jobs: each starts a run on ml-service for the logical date and follows it until it ends. */
@ApplicationScoped
class MlJobActions {

    private final MlServiceClient ml;
    private final JobsConfig config;

    MlJobActions(MlServiceClient ml, JobsConfig config) {
        this.ml = ml;
        this.config = config;
    }

    @Produces
    @Identifier("indicators")
    JobAction indicators() {
        return ctx -> follow(ctx, Kind.INDICATORS);
    }

    @Produces
    @Identifier("model-training")
    JobAction modelTraining() {
        return ctx -> follow(ctx, Kind.TRAIN);
    }

    @Produces
    @Identifier("predictions")
    JobAction predictions() {
        return ctx -> follow(ctx, Kind.PREDICT);
    }

    @Produces
    @Identifier("evaluation")
    JobAction evaluation() {
        return ctx -> follow(ctx, Kind.EVALUATE);
    }

    private JobOutcome follow(JobContext ctx, Kind kind) throws InterruptedException {
        LocalDate date = ctx.logicalDate();
        MlRun run = ml.start(kind, date);
        while (run.running()) {
            ctx.throwIfCancelled();
            Thread.sleep(config.ml().pollInterval());
            run = ml.run(run.runId());
        }
        long records = run.records() == null ? 0 : run.records();
        return run.succeeded() ? JobOutcome.succeeded(records)
                : JobOutcome.failed(records, "ml-service " + kind.name().toLowerCase(Locale.ROOT)
                        + " run " + run.runId() + " " + run.status() + ": " + run.error());
    }
}
