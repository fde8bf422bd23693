package io.kmarket.scheduler.crosscheck;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.collect.CollectionPlan;
import io.kmarket.scheduler.collect.CollectionRunSummary;
import io.kmarket.scheduler.collect.CollectionService;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.crosscheck.store.DisagreementStore;
import io.kmarket.scheduler.crosscheck.store.RunTaskLog;
import io.kmarket.scheduler.crosscheck.store.SourceBars.Disagreement;
import io.kmarket.scheduler.crosscheck.store.SourceBars.StockDay;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.engine.JobAction;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.smallrye.common.annotation.Identifier;

/**
 * The source-crosscheck job: for a trading date, asks Naver for the chart of every stock KRX priced (one request
 * per stock, sized to reach back to the date) and records where the two disagree (see {@link BarComparison}).
 * A retry asks Naver again only for the stocks whose chart it does not have yet.
 */
@ApplicationScoped
public class SourceCrossCheck {

    private static final Logger LOG = Logger.getLogger(SourceCrossCheck.class);
    static final String NAVER_SOURCE = "NAVER";

    private final CollectionService collection;
    private final DisagreementStore store;
    private final RunTaskLog tasks;
    private final Clock clock;

    SourceCrossCheck(CollectionService collection, DisagreementStore store, RunTaskLog tasks, Clock clock) {
        this.collection = collection;
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Produces
    @Identifier(JobNames.SOURCE_CROSSCHECK)
    JobAction action() {
        return this::check;
    }

    JobOutcome check(JobContext ctx) {
        LocalDate date = ctx.logicalDate();
        if (ctx.trigger() == RunTrigger.BACKFILL) {
            // A backfill waits for each run: a whole market of Naver requests per historical date would hold a
            // first start for hours. The cross-check is for new trading days (or a manual run on a chosen date).
            return JobOutcome.skipped("the cross-check does not run in backfills (one Naver request per stock)");
        }
        Set<String> unfetched = new HashSet<>();
        List<String> toFetch = store.codesWithoutFreshNaverBar(date);
        if (!toFetch.isEmpty()) {
            CollectionPlan plan = CollectionPlan.naverCharts(date, toFetch);
            CollectionRunSummary run = collection.run(plan, ctx::progress);
            ctx.throwIfCancelled();
            Set<String> succeeded = tasks.succeededTaskKeys(run.runId());
            for (CollectionTask task : plan.tasks()) {
                if (!succeeded.contains(task.key())) {
                    unfetched.add(task.subject());
                }
            }
        }
        List<StockDay> days = store.stockDays(date);
        if (days.isEmpty()) {
            return JobOutcome.skipped("no KRX daily prices stored for " + date);
        }
        List<String> compared = new ArrayList<>();
        List<Disagreement> found = new ArrayList<>();
        for (StockDay day : days) {
            if (unfetched.contains(day.krx().code())) {
                continue;
            }
            BigDecimal factor = SplitFactor.of(day.shares(), day.latestShares());
            compared.add(day.krx().code());
            found.addAll(BarComparison.compare(day.krx(), day.naver(), factor, NAVER_SOURCE));
        }
        store.record(date, compared, found, clock.instant());
        LOG.infof("Cross-check %s: %d stocks compared, %d disagreements, %d Naver charts not fetched", date,
                compared.size(), found.size(), unfetched.size());
        if (!unfetched.isEmpty()) {
            return JobOutcome.failed(compared.size(), unfetched.size() + " of " + days.size()
                    + " Naver charts could not be fetched (see ops.fetch_execution_logs); compared the others");
        }
        return JobOutcome.succeeded(compared.size());
    }
}
