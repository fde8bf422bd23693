package io.kmarket.scheduler.job.backfill;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.calendar.TradingCalendar;
import io.kmarket.scheduler.job.engine.JobDefinition;

/**
 * Asks for backfills: rows of ops.job_backfills that the leader's {@link BackfillWorker} runs, whichever instance
 * accepted the request, so that a backfill interrupted by a crash or a failover resumes on the next leader.
 */
@ApplicationScoped
public class BackfillRequests {

    private final Clock clock;
    private final TradingCalendar calendar;
    private final BackfillStore store;

    BackfillRequests(Clock clock, TradingCalendar calendar, BackfillStore store) {
        this.clock = clock;
        this.calendar = calendar;
        this.store = store;
    }

    /** Records the request; the leader's next tick starts it. */
    public Backfill request(JobDefinition job, LocalDate from, LocalDate to, boolean withDependents) {
        return insert(job, from, to, withDependents, false, false);
    }

    /** A request of the first start, whose history may go newest first (see {@link FirstStartBackfills}). */
    Backfill request(JobDefinition job, LocalDate from, LocalDate to, boolean withDependents, boolean newestFirst) {
        return insert(job, from, to, withDependents, newestFirst, false);
    }

    /**
     * Runs the job again over [from, to], oldest first, without its dependents, even on dates that succeeded. A
     * recomputation still waiting is widened instead of queued twice (a check that repairs many dates asks once
     * per date).
     */
    public Backfill recompute(JobDefinition job, LocalDate from, LocalDate to) {
        Optional<Backfill> waiting = store.pendingRerun(job.name());
        if (waiting.isPresent()) {
            Backfill pending = waiting.get();
            LocalDate start = from.isBefore(pending.from()) ? from : pending.from();
            LocalDate end = to.isAfter(pending.to()) ? to : pending.to();
            if (store.widen(pending.id(), start, end, datesOf(job, start, end).size())) {
                return find(pending.id()).orElseThrow();
            }
        }
        return insert(job, from, to, false, false, true);
    }

    /** The last date a pending or running backfill of the job with its dependents will reach, if any. */
    public Optional<LocalDate> dependentsReachUntil(String upstream) {
        return store.dependentsReachUntil(upstream);
    }

    public Optional<Backfill> find(long id) {
        return store.find(id);
    }

    public List<Backfill> recent(int limit) {
        return store.recent(limit);
    }

    /** The dates of [from, to] the job runs for: its calendar's. */
    List<LocalDate> datesOf(JobDefinition job, LocalDate from, LocalDate to) {
        if (job.tradingDaysOnly()) {
            return calendar.tradingDays(from, to);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            dates.add(day);
        }
        return dates;
    }

    private Backfill insert(JobDefinition job, LocalDate from, LocalDate to, boolean withDependents,
            boolean newestFirst, boolean rerun) {
        long id = store.insert(job.name(), from, to, withDependents, datesOf(job, from, to).size(), clock.instant(),
                newestFirst, rerun);
        return find(id).orElseThrow();
    }
}
