package io.kmarket.scheduler.actions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.actions.ActionDerivation.Derived;
import io.kmarket.scheduler.actions.ActionDerivation.Written;
import io.kmarket.scheduler.actions.config.ActionsConfig;
import io.kmarket.scheduler.actions.store.ActionCheckStore;
import io.kmarket.scheduler.actions.store.ActionRows.MissingNaverBars;
import io.kmarket.scheduler.calendar.TradingCalendar;
import io.kmarket.scheduler.collect.CollectionPlan;
import io.kmarket.scheduler.collect.CollectionRunSummary;
import io.kmarket.scheduler.collect.CollectionService;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.fencing.FencedWrites;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.engine.JobAction;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.smallrye.common.annotation.Identifier;

/**
 * The corporate-actions job: rescans the whole market's collected data for actions (whatever the logical date:
 * evidence of an old action can arrive any day), writes what changed with the factors and versions of the changed
 * stocks, fetches the Naver charts missing for the cross-check (scheduled runs only, a bounded number of stocks),
 * and records the cross-checks. Runs in backfills too: the indicators that follow it must see the factors of the
 * history just collected.
 */
@ApplicationScoped
public class CorporateActionsJob {

    private static final Logger LOG = Logger.getLogger(CorporateActionsJob.class);

    private final ActionDerivation derivation;
    private final ActionCheckStore checks;
    private final TradingCalendar calendar;
    private final CollectionService collection;
    private final FencedWrites fenced;
    private final ActionsConfig config;
    /** The evidence fingerprint the last successful derivation of this process started from. */
    private volatile String derivedFrom;

    CorporateActionsJob(ActionDerivation derivation, ActionCheckStore checks, TradingCalendar calendar,
            CollectionService collection, FencedWrites fenced, ActionsConfig config) {
        this.derivation = derivation;
        this.checks = checks;
        this.calendar = calendar;
        this.collection = collection;
        this.fenced = fenced;
        this.config = config;
    }

    @Produces
    @Identifier(JobNames.CORPORATE_ACTIONS)
    JobAction action() {
        return this::run;
    }

    public JobOutcome run(JobContext ctx) {
        Optional<LocalDate[]> span = derivation.span();
        if (span.isEmpty()) {
            return JobOutcome.skipped("no daily prices stored");
        }
        // Taken before the scan: evidence arriving during it moves the fingerprint, and the next run rescans.
        String fingerprint = derivation.evidenceFingerprint();
        if (ctx.trigger() == RunTrigger.BACKFILL && fingerprint.equals(derivedFrom)) {
            LOG.debugf("Corporate actions: evidence unchanged since the last derivation, nothing to rescan");
            return JobOutcome.succeeded(0);
        }
        TradingDays days = new TradingDays(calendar.tradingDays(span.get()[0], span.get()[1]));
        Derived derived = derivation.derive(days);
        ctx.throwIfCancelled();
        ActionDerivation.Transactions transactions = work -> fenced(ctx, work);
        Written written = derivation.write(derived, transactions, config.writeBatchStocks());
        ctx.throwIfCancelled();
        int fetched = 0;
        if (ctx.trigger() != RunTrigger.BACKFILL) {
            // A backfill waits for each run: Naver's rate limit is for the new trading days.
            fetched = fetchMissingNaverCharts(ctx);
        }
        int checked = derivation.check(derived, transactions);
        derivedFrom = fingerprint;
        LOG.infof("Corporate actions: %d derived, %d written, %d withdrawn, %d stocks' factors rewritten, %d Naver"
                + " charts fetched, %d checks written", derived.actions().size(), written.actions(),
                written.withdrawn(), written.stocks(), fetched, checked);
        return JobOutcome.succeeded(written.actions() + written.withdrawn() + checked);
    }

    private void fenced(JobContext ctx, Runnable work) {
        ctx.term().ifPresentOrElse(term -> fenced.under(term, () -> {
            work.run();
            return null;
        }), () -> fenced.underCurrentLeadership(() -> {
            work.run();
            return null;
        }));
    }

    /**
     * One Naver chart per stock whose live actions lack Naver's bars, covering all of them, for at most
     * naver-checks-per-run stocks. A chart that cannot be fetched leaves those actions unchecked (no check is no
     * disagreement); it does not fail the run, whose factors the indicators wait for.
     */
    private int fetchMissingNaverCharts(JobContext ctx) {
        Map<String, LocalDate[]> ranges = new LinkedHashMap<>();
        for (MissingNaverBars missing : checks.missingNaverBars()) {
            LocalDate[] range = ranges.get(missing.code());
            if (range == null) {
                if (ranges.size() == config.naverChecksPerRun()) {
                    continue;
                }
                ranges.put(missing.code(), new LocalDate[] {missing.previousDate(), missing.exDate()});
            } else {
                range[0] = missing.previousDate().isBefore(range[0]) ? missing.previousDate() : range[0];
                range[1] = missing.exDate().isAfter(range[1]) ? missing.exDate() : range[1];
            }
        }
        if (ranges.isEmpty()) {
            return 0;
        }
        List<CollectionTask> tasks = new ArrayList<>();
        ranges.forEach((code, range) -> tasks.add(new CollectionTask("NAVER", Dataset.DAILY_CHART, code, range[0],
                range[1])));
        CollectionPlan plan = new CollectionPlan("corporate-action naver-charts " + tasks.size(), tasks);
        CollectionRunSummary run = ctx.term()
                .map(term -> collection.run(term, UUID.randomUUID(), plan, ctx::progress))
                .orElseGet(() -> collection.run(plan, ctx::progress));
        if (!run.allSucceeded()) {
            LOG.warnf("Corporate actions: %d of %d Naver charts not fetched (run %s); those actions stay unchecked",
                    run.tasksFailed(), run.tasks(), run.runId());
        }
        return run.tasksSucceeded();
    }
}
