package io.kmarket.scheduler.job.actions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.kmarket.scheduler.calendar.TradingCalendar;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.engine.JobAction;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Identifier;

/**
 * The data-quality job: for a trading date, listed stocks without a price, gaps in a stock's or an index's
 * series (present on the date, absent on the previous trading day) and closes moving beyond KRX's ±30% daily
 * limit (in force since 2015-06-15) (a split or a data error). Findings replace the date's previous findings in ops.data_quality_issues.
 */
@ApplicationScoped
public class DataQualityChecks {

    @RegisterForReflection
    public record Issue(LocalDate tradeDate, String check, String subject, String detail) {
    }

    /** Long enough to reach back over the longest KRX closure (Chuseok plus weekends). */
    private static final int LOOKBACK_DAYS = 20;

    private final TradingCalendar calendar;
    private final Clock clock;
    private final DataQualityStore store;
    private final GapRepairs repairs;

    DataQualityChecks(TradingCalendar calendar, Clock clock, DataQualityStore store, GapRepairs repairs) {
        this.calendar = calendar;
        this.clock = clock;
        this.store = store;
        this.repairs = repairs;
    }

    @Produces
    @Identifier(JobNames.DATA_QUALITY)
    JobAction action() {
        return ctx -> {
            int found = check(ctx.logicalDate(), ctx);
            repairs.schedule(ctx.logicalDate(), issues(ctx.logicalDate()));
            return JobOutcome.succeeded(found);
        };
    }

    /** Replaces the findings of {@code date}; returns how many there are. */
    public int check(LocalDate date, JobContext ctx) {
        Optional<LocalDate> previous = calendar.tradingDays(date.minusDays(LOOKBACK_DAYS), date.minusDays(1))
                .stream().reduce((first, second) -> second);
        return store.replaceFindings(date, previous, clock.instant(), ctx);
    }

    public List<Issue> issues(LocalDate date) {
        return store.issues(date);
    }
}
