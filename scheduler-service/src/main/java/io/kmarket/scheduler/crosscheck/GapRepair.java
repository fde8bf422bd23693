package io.kmarket.scheduler.crosscheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.calendar.TradingCalendar;
import io.kmarket.scheduler.collect.CollectionPlan;
import io.kmarket.scheduler.collect.CollectionRunSummary;
import io.kmarket.scheduler.collect.CollectionService;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.crosscheck.config.CrossCheckConfig;
import io.kmarket.scheduler.crosscheck.store.GapRepairStore;
import io.kmarket.scheduler.crosscheck.store.GapRepairStore.Finding;
import io.kmarket.scheduler.crosscheck.store.RunTaskLog;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.actions.DataQualityChecks;
import io.kmarket.scheduler.job.engine.JobAction;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.scheduler.job.heal.RollForwardRecomputes;
import io.smallrye.common.annotation.Identifier;

/**
 * The price-gap-repair job: reads the open per-stock findings of data-quality (a listed stock without a price on a
 * date, a stock's series missing the previous trading day) and fetches each stock's KRX MDCSTAT01701 history over
 * exactly the missing range, upserted into market.daily_prices like the daily collection. Each finding's outcome
 * is recorded in ops.price_gap_repairs; the dates it touched are checked again so their findings are current.
 */
@ApplicationScoped
public class GapRepair {

    private static final Logger LOG = Logger.getLogger(GapRepair.class);
    /** As data-quality: reaches back over the longest KRX closure. */
    private static final int LOOKBACK_DAYS = 20;
    /** The job whose data (market.daily_prices) a repair completes. */
    private static final String DAILY_COLLECTION = "daily-collection";

    /** A finding with the range to fetch and the date that must be stored once it is repaired. */
    record Gap(Finding finding, LocalDate from, LocalDate to, LocalDate missing) {
    }

    /** One request range of one stock, covering one or more gaps. */
    record Range(String code, LocalDate from, LocalDate to, List<Gap> gaps) {
    }

    private final CollectionService collection;
    private final GapRepairStore store;
    private final RunTaskLog tasks;
    private final TradingCalendar calendar;
    private final DataQualityChecks dataQuality;
    private final CrossCheckConfig config;
    private final RollForwardRecomputes recomputes;
    private final Clock clock;

    GapRepair(CollectionService collection, GapRepairStore store, RunTaskLog tasks, TradingCalendar calendar,
            DataQualityChecks dataQuality, RollForwardRecomputes recomputes, CrossCheckConfig config, Clock clock) {
        this.collection = collection;
        this.store = store;
        this.tasks = tasks;
        this.calendar = calendar;
        this.dataQuality = dataQuality;
        this.recomputes = recomputes;
        this.config = config;
        this.clock = clock;
    }

    @Produces
    @Identifier(JobNames.PRICE_GAP_REPAIR)
    JobAction action() {
        return this::repair;
    }

    JobOutcome repair(JobContext ctx) throws Exception {
        List<Range> ranges = ranges(store.openFindings(ctx.logicalDate()));
        if (ranges.isEmpty()) {
            return JobOutcome.succeeded(0);
        }
        List<CollectionTask> plan = new ArrayList<>();
        ranges.forEach(r -> plan.addAll(CollectionPlan.krxStockHistory(r.code(), r.from(), r.to())));
        CollectionRunSummary run = collection.run(new CollectionPlan("price-gap-repair " + ctx.logicalDate(), plan),
                ctx::progress);
        ctx.throwIfCancelled();
        Set<String> succeeded = tasks.succeededTaskKeys(run.runId());
        int repaired = 0;
        int failed = 0;
        Set<LocalDate> touched = new TreeSet<>();
        Optional<LocalDate> firstStored = Optional.empty();
        for (Range range : ranges) {
            boolean served = CollectionPlan.krxStockHistory(range.code(), range.from(), range.to()).stream()
                    .allMatch(t -> succeeded.contains(t.key()));
            for (Gap gap : range.gaps()) {
                String status = !served ? "failed"
                        : store.hasPrice(range.code(), gap.missing()) ? "repaired" : "not-served";
                store.record(gap.finding(), gap.from(), gap.to(), status, run.runId(), clock.instant());
                repaired += status.equals("repaired") ? 1 : 0;
                failed += status.equals("failed") ? 1 : 0;
                if (status.equals("repaired")) {
                    touched.add(gap.finding().tradeDate());
                    firstStored = Optional.of(min(firstStored.orElse(gap.from()), gap.from()));
                }
            }
        }
        for (LocalDate date : touched) {
            dataQuality.check(date, ctx);
        }
        // The repaired prices are the daily collection's data: indicators computed over the gap are stale.
        firstStored.ifPresent(date -> recomputes.dataChanged(DAILY_COLLECTION, date));
        LOG.infof("Gap repair %s: %d ranges of %d stocks, %d findings repaired, %d failed", ctx.logicalDate(),
                ranges.size(), ranges.stream().map(Range::code).distinct().count(), repaired, failed);
        if (failed > 0) {
            return JobOutcome.failed(repaired, failed + " gap findings could not be repaired from KRX (collection run "
                    + run.runId() + ", see ops.fetch_execution_logs); tried again on the next run");
        }
        return JobOutcome.succeeded(repaired);
    }

    /**
     * The findings as request ranges: per stock, gaps closer than the merge distance share one request; at most the
     * configured number of stocks per run (findings are ordered by stock).
     */
    List<Range> ranges(List<Finding> findings) {
        List<Range> ranges = new ArrayList<>();
        Set<String> stocks = new TreeSet<>();
        for (Finding finding : findings) {
            Optional<Gap> found = gap(finding);
            if (found.isEmpty()) {
                continue;
            }
            Gap gap = found.get();
            Range last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && last.code().equals(finding.code())
                    && !gap.from().isAfter(last.to().plusDays(config.repairMergeDays()))) {
                List<Gap> gaps = new ArrayList<>(last.gaps());
                gaps.add(gap);
                ranges.set(ranges.size() - 1, new Range(last.code(), min(last.from(), gap.from()),
                        max(last.to(), gap.to()), gaps));
            } else if (stocks.contains(finding.code()) || stocks.size() < config.repairMaxStocks()) {
                stocks.add(finding.code());
                ranges.add(new Range(finding.code(), gap.from(), gap.to(), List.of(gap)));
            }
        }
        return ranges;
    }

    private Optional<Gap> gap(Finding finding) {
        LocalDate date = finding.tradeDate();
        if (finding.check().equals("missing-price")) {
            return Optional.of(new Gap(finding, date, date, date));
        }
        // series-gap: priced on the date, not on the previous trading day; the hole starts after its last price.
        Optional<LocalDate> previous = calendar.tradingDays(date.minusDays(LOOKBACK_DAYS), date.minusDays(1))
                .stream().reduce((first, second) -> second);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        LocalDate from = store.lastPriceBefore(finding.code(), previous.get()).map(d -> d.plusDays(1))
                .orElse(previous.get());
        return Optional.of(new Gap(finding, from, previous.get(), previous.get()));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
