package io.kmarket.scheduler.job.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.calendar.TradingCalendar;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.job.backfill.BackfillWorker;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.heal.Healing;
import io.kmarket.scheduler.job.leader.Leadership;
import io.quarkus.scheduler.Scheduled;

/**
 * The leader's tick. quarkus-scheduler calls it every few seconds; it decides from the injected {@link Clock} and
 * the last fire time persisted per job (ops.job_state) which fire times are due. Why not one quarkus trigger per
 * job: those fire on wall-clock time and forget what they missed while the process was down or standby, while
 * catch-up needs the missed fire times and the tests need to move time.
 */
@ApplicationScoped
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class);
    /** Catch-up never looks further back than this, whatever the downtime. */
    private static final Duration HORIZON = Duration.ofDays(62);

    private final Clock clock;
    private final JobsConfig config;
    private final JobCatalog catalog;
    private final JobStateStore states;
    private final JobRunStore runs;
    private final JobRunner runner;
    private final DependentDispatcher dependencies;
    private final TradingCalendar calendar;
    private final Leadership leadership;
    private final BackfillWorker backfills;
    private final Healing healing;

    JobScheduler(Clock clock, JobsConfig config, JobCatalog catalog, JobStateStore states, JobRunStore runs,
            JobRunner runner, DependentDispatcher dependencies, TradingCalendar calendar, Leadership leadership,
            BackfillWorker backfills, Healing healing) {
        this.clock = clock;
        this.config = config;
        this.catalog = catalog;
        this.states = states;
        this.runs = runs;
        this.runner = runner;
        this.dependencies = dependencies;
        this.calendar = calendar;
        this.leadership = leadership;
        this.backfills = backfills;
        this.healing = healing;
    }

    @Scheduled(every = "${kmarket.jobs.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        tick();
    }

    /** Fires what is due, enforces timeouts, starts dependents and due retries of failed dates. A standby does nothing. */
    public synchronized void tick() {
        if (!leadership.confirmLeadership()) {
            return;
        }
        try {
            runner.enforceTimeouts();
            backfills.startPending();
            Instant now = clock.instant();
            for (JobDefinition job : catalog.all()) {
                if (job.schedule().isPresent() && catalog.runnable(job)) {
                    evaluate(job, now);
                }
            }
            dependencies.dispatch();
            healing.retryDue();
            runner.drainAll();
        } catch (DeposedLeaderException e) {
            // Deposed since the confirmation (frozen in between): the rest of this tick is the new leader's.
            LOG.infof("tick stopped: %s", e.getMessage());
        }
    }

    /** The next fire time of a scheduled job (respecting its calendar), absent for dependents. */
    public Optional<ZonedDateTime> nextFireTime(JobDefinition job) {
        if (job.schedule().isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(config.zone()));
        LocalDate today = now.toLocalDate();
        Set<LocalDate> open = job.tradingDaysOnly() ? new HashSet<>(calendar.tradingDays(today, today.plusDays(31)))
                : null;
        Optional<ZonedDateTime> next = job.schedule().get().next(now);
        while (next.isPresent() && open != null && !open.contains(next.get().toLocalDate())) {
            if (next.get().toLocalDate().isAfter(today.plusDays(31))) {
                return Optional.empty();
            }
            next = job.schedule().get().next(next.get());
        }
        return next;
    }

    private void evaluate(JobDefinition job, Instant now) {
        Optional<Instant> last = states.lastFireAt(job.name());
        states.setLastFireAt(job.name(), now, now);
        if (last.isEmpty() || states.paused(job.name())) {
            // A job seen for the first time starts counting now; a paused job lets its fire times pass.
            return;
        }
        NavigableMap<LocalDate, ZonedDateTime> due = dueFireTimes(job, last.get(), now);
        if (due.isEmpty()) {
            return;
        }
        Map.Entry<LocalDate, ZonedDateTime> latest = due.lastEntry();
        Optional<Map.Entry<LocalDate, ZonedDateTime>> onTime = latest.getValue().toInstant()
                .isBefore(now.minus(config.lateness())) ? Optional.empty() : Optional.of(latest);
        onTime.ifPresent(entry -> due.remove(entry.getKey()));
        for (Map.Entry<LocalDate, ZonedDateTime> missed : catchUps(job, due)) {
            LOG.infof("%s: catching up the run for %s (due %s)", job.name(), missed.getKey(), missed.getValue());
            runner.submit(job, missed.getKey(), RunTrigger.CATCH_UP, missed.getValue().toInstant());
        }
        onTime.ifPresent(entry -> runner.submit(job, entry.getKey(), RunTrigger.SCHEDULE, entry.getValue().toInstant()));
    }

    private List<Map.Entry<LocalDate, ZonedDateTime>> catchUps(JobDefinition job,
            NavigableMap<LocalDate, ZonedDateTime> missed) {
        List<Map.Entry<LocalDate, ZonedDateTime>> chosen = new ArrayList<>();
        switch (job.catchUp()) {
            case NONE -> {
                if (!missed.isEmpty()) {
                    LOG.infof("%s: %d missed logical dates dropped (catch-up none)", job.name(), missed.size());
                }
            }
            case LAST -> {
                if (!missed.isEmpty()) {
                    chosen.add(missed.lastEntry());
                }
            }
            case ALL -> {
                for (Map.Entry<LocalDate, ZonedDateTime> entry : missed.descendingMap().entrySet()) {
                    if (chosen.size() == config.catchUpMaxRuns()) {
                        LOG.warnf("%s: more missed dates than catch-up-max-runs=%d, older ones dropped", job.name(),
                                config.catchUpMaxRuns());
                        break;
                    }
                    chosen.addFirst(entry);
                }
            }
        }
        chosen.removeIf(entry -> runs.hasSucceeded(job.name(), entry.getKey()));
        return chosen;
    }

    /** Fire times in (after, until], one per logical date (the latest), on open days only. */
    private NavigableMap<LocalDate, ZonedDateTime> dueFireTimes(JobDefinition job, Instant after, Instant until) {
        Instant from = after.isBefore(until.minus(HORIZON)) ? until.minus(HORIZON) : after;
        ZonedDateTime cursor = from.atZone(config.zone());
        ZonedDateTime end = until.atZone(config.zone());
        Set<LocalDate> open = job.tradingDaysOnly()
                ? new HashSet<>(calendar.tradingDays(cursor.toLocalDate(), end.toLocalDate()))
                : null;
        NavigableMap<LocalDate, ZonedDateTime> due = new TreeMap<>();
        for (Optional<ZonedDateTime> next = job.schedule().orElseThrow().next(cursor);
                next.isPresent() && !next.get().isAfter(end);
                next = job.schedule().orElseThrow().next(next.get())) {
            LocalDate date = next.get().toLocalDate();
            if (open == null || open.contains(date)) {
                due.put(date, next.get());
            }
        }
        return due;
    }
}
