package io.kmarket.scheduler.job.actions;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.kmarket.scheduler.collect.ActionEvidencePlan;
import io.kmarket.scheduler.collect.CollectionPlan;
import io.kmarket.scheduler.collect.CollectionRunSummary;
import io.kmarket.scheduler.collect.CollectionService;
import io.kmarket.scheduler.collect.DisclosureWatermark;
import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.store.CompanyRefreshes;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.engine.JobAction;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.smallrye.common.annotation.Identifier;

/**
 * The collection jobs: each runs one plan of the collection engine for the run's logical date. The engine honours
 * interruption, which is how a timeout or a lost leadership cancels the work.
 */
@ApplicationScoped
class CollectionJobActions {

    private final CollectionService collection;
    private final DisclosureWatermark watermark;
    private final CompanyRefreshes companies;
    private final ActionEvidencePlan evidence;
    private final JobsConfig config;
    private final SourcesConfig.Dart dart;
    private final Clock clock;

    CollectionJobActions(CollectionService collection, DisclosureWatermark watermark, CompanyRefreshes companies,
            ActionEvidencePlan evidence, JobsConfig config, SourcesConfig sources, Clock clock) {
        this.collection = collection;
        this.watermark = watermark;
        this.companies = companies;
        this.evidence = evidence;
        this.config = config;
        this.dart = sources.dart();
        this.clock = clock;
    }

    @Produces
    @Identifier(JobNames.LISTINGS)
    JobAction listings() {
        return ctx -> collect(ctx, CollectionPlan.listings(ctx.logicalDate()));
    }

    @Produces
    @Identifier(JobNames.DAILY_COLLECTION)
    JobAction dailyCollection() {
        return ctx -> collect(ctx, CollectionPlan.dailyMarket(ctx.logicalDate()));
    }

    @Produces
    @Identifier(JobNames.DISCLOSURES)
    JobAction disclosures() {
        // Not just the logical date: a filing accepted after the day's last run is caught by the next morning's.
        return ctx -> collect(ctx, watermark.scheduledPlan(ctx.logicalDate()));
    }

    @Produces
    @Identifier(JobNames.QUOTES)
    JobAction quotes() {
        return ctx -> collect(ctx, CollectionPlan.quotes(config.quotesWatchlist()));
    }

    @Produces
    @Identifier(JobNames.CORP_CODES)
    JobAction corpCodes() {
        return ctx -> collect(ctx, CollectionPlan.corpCodes());
    }

    /**
     * company.json for the listed companies without a record (new listings) or with one older than the refresh
     * period, a capped number per run: run daily, the whole market is refreshed about weekly in small slices.
     */
    @Produces
    @Identifier(JobNames.COMPANIES)
    JobAction companies() {
        return ctx -> {
            List<String> due = companies.due(ctx.logicalDate(), clock.instant().minus(dart.companyRefresh()),
                    dart.companiesPerRun());
            return due.isEmpty() ? JobOutcome.succeeded(0)
                    : collect(ctx, CollectionPlan.companies(due));
        };
    }

    /**
     * After the day's market: KRX's dividend listings and the par value histories that corporate actions are
     * classified by (see ActionEvidencePlan); nothing to ask for is a success with nothing stored.
     */
    @Produces
    @Identifier(JobNames.ACTION_EVIDENCE)
    JobAction actionEvidence() {
        return ctx -> {
            CollectionPlan plan = evidence.plan(ctx.logicalDate(), ctx.trigger() == RunTrigger.BACKFILL);
            return plan.tasks().isEmpty() ? JobOutcome.succeeded(0) : collect(ctx, plan);
        };
    }

    /** Fenced with the run's own term (see JobContext#term). */
    private JobOutcome collect(JobContext ctx, CollectionPlan plan) {
        return outcome(ctx.term()
                .map(term -> collection.run(term, UUID.randomUUID(), plan, ctx::progress))
                .orElseGet(() -> collection.run(plan, ctx::progress)));
    }

    private static JobOutcome outcome(CollectionRunSummary summary) {
        if (summary.allSucceeded()) {
            return JobOutcome.succeeded(summary.recordsStored());
        }
        return JobOutcome.failed(summary.recordsStored(), "collection run " + summary.runId() + ": "
                + summary.tasksFailed() + " of " + summary.tasks() + " tasks failed, "
                + (summary.tasksSkipped() - summary.skippedUnconfigured()) + " skipped (see ops.fetch_execution_logs)");
    }
}
