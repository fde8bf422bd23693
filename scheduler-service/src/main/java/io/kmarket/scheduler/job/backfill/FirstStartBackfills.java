package io.kmarket.scheduler.job.backfill;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.calendar.TradingCalendar;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobDefinition;
import io.kmarket.scheduler.job.engine.JobRunStore;

/**
 * The first-start policy: an empty database (no run ever, no backfill) gets the configured window of history.
 * Snapshot jobs run once for the window's end, the history jobs over the window (newest first, so the latest
 * market is visible within a minute), then the final jobs (training, predictions) for its last trading day.
 */
@ApplicationScoped
public class FirstStartBackfills {

    private static final Logger LOG = Logger.getLogger(FirstStartBackfills.class);

    private final Clock clock;
    private final JobsConfig config;
    private final JobCatalog catalog;
    private final JobRunStore runs;
    private final TradingCalendar calendar;
    private final BackfillStore store;
    private final BackfillRequests requests;
    private final AtomicBoolean electedSinceLastTick = new AtomicBoolean();

    FirstStartBackfills(Clock clock, JobsConfig config, JobCatalog catalog, JobRunStore runs,
            TradingCalendar calendar, BackfillStore store, BackfillRequests requests) {
        this.clock = clock;
        this.config = config;
        this.catalog = catalog;
        this.runs = runs;
        this.calendar = calendar;
        this.store = store;
        this.requests = requests;
    }

    /** On election: the first tick as leader checks whether the database is empty (first start). */
    public void checkOnNextTick() {
        electedSinceLastTick.set(true);
    }

    /** Called by the leader's tick before it starts the backfills: requests the history once after an election. */
    void requestIfFirstStart() {
        if (electedSinceLastTick.getAndSet(false)) {
            firstStart();
        }
    }

    private void firstStart() {
        JobsConfig.FirstStart first = config.firstStart();
        if (!first.enabled() || !runs.isEmpty() || !store.isEmpty()) {
            return;
        }
        LocalDate until = first.until().orElse(LocalDate.ofInstant(clock.instant(), config.zone()).minusDays(1));
        LocalDate from = until.minus(first.window());
        for (String name : first.snapshotJobs()) {
            LocalDate day = lastOpenDay(name, until);
            request(name, day, day, false);
        }
        // Newest first: a new user sees the latest market within a minute instead of after the whole year.
        for (String name : first.jobs()) {
            request(name, from, until, first.newestFirst());
        }
        // The worker takes requests in order, so these run once the history they need is stored. They are for the
        // history's last trading day whatever their own calendar: a model trained up to a Sunday would be too new
        // for that Friday's predictions, which only use models trained on data up to their date.
        LocalDate lastTradingDay = lastTradingDay(until);
        for (String name : first.finalJobs()) {
            request(name, lastTradingDay, lastTradingDay, false);
        }
    }

    private LocalDate lastTradingDay(LocalDate until) {
        List<LocalDate> open = calendar.tradingDays(until.minusWeeks(2), until);
        return open.isEmpty() ? until : open.getLast();
    }

    /**
     * The last day up to {@code until} that the job's calendar allows (e.g. Friday when the window ends on a weekend):
     * a one-day request for a closed day would cover no date at all and the job would silently never run.
     */
    private LocalDate lastOpenDay(String name, LocalDate until) {
        return catalog.find(name).filter(JobDefinition::tradingDaysOnly).isPresent() ? lastTradingDay(until) : until;
    }

    private void request(String name, LocalDate from, LocalDate until, boolean newestFirst) {
        Optional<JobDefinition> job = catalog.find(name).filter(catalog::runnable);
        if (job.isEmpty()) {
            LOG.infof("first start: %s is unknown or disabled, not backfilled", name);
            return;
        }
        LOG.infof("first start: backfilling %s from %s to %s%s", name, from, until,
                newestFirst ? ", newest first" : "");
        requests.request(job.get(), from, until, true, newestFirst);
    }
}
