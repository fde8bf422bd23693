package io.kmarket.scheduler.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.config.JobsConfig;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Runs a job over a range of dates, one date at a time, oldest first (or, for the first start, newest first with
 * the dependents following oldest first once the history is in). Requests are rows of ops.job_backfills,
 * so a backfill interrupted by a crash or a failover resumes on the next leader, and one requested from a standby
 * is run by the leader; dates that already succeeded are skipped, which makes resuming (or repeating a request)
 * cheap.
 */
@ApplicationScoped
public class BackfillService {

    private static final Logger LOG = Logger.getLogger(BackfillService.class);

    @RegisterForReflection
    public record Backfill(long id, String jobName, LocalDate from, LocalDate to, boolean withDependents,
            String status, int datesTotal, int datesDone, Instant requestedAt, Instant finishedAt, String error,
            boolean newestFirst, boolean rerun) {
    }

    private static final String COLUMNS = "id, job_name, from_date, to_date, with_dependents, status, dates_total,"
            + " dates_done, requested_at, finished_at, error, newest_first, rerun";

    private final Clock clock;
    private final JobsConfig config;
    private final JobCatalog catalog;
    private final JobRunRepository runs;
    private final JobRunner runner;
    private final Dependencies dependencies;
    private final TradingCalendar calendar;
    private final Provider<Leadership> leadership;
    private final Jdbc jdbc;
    private final AtomicBoolean electedSinceLastTick = new AtomicBoolean();
    private final Set<Long> inHand = ConcurrentHashMap.newKeySet();
    // One backfill at a time: they compete for the same rate-limited sources.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("kmarket-backfill").factory());

    BackfillService(Clock clock, JobsConfig config, JobCatalog catalog, JobRunRepository runs, JobRunner runner,
            Dependencies dependencies, TradingCalendar calendar, Provider<Leadership> leadership, Jdbc jdbc) {
        this.clock = clock;
        this.config = config;
        this.catalog = catalog;
        this.runs = runs;
        this.runner = runner;
        this.dependencies = dependencies;
        this.calendar = calendar;
        this.leadership = leadership;
        this.jdbc = jdbc;
    }

    /** Records the request; the leader's next tick starts it. */
    public Backfill request(JobDefinition job, LocalDate from, LocalDate to, boolean withDependents) {
        return request(job, from, to, withDependents, false);
    }

    private Backfill request(JobDefinition job, LocalDate from, LocalDate to, boolean withDependents,
            boolean newestFirst) {
        return insert(job, from, to, withDependents, newestFirst, false);
    }

    /**
     * Runs the job again over [from, to], oldest first, without its dependents, even on dates that succeeded. A
     * recomputation still waiting is widened instead of queued twice (a check that repairs many dates asks once
     * per date).
     */
    public Backfill recompute(JobDefinition job, LocalDate from, LocalDate to) {
        Optional<Backfill> waiting = jdbc.first("SELECT " + COLUMNS + " FROM ops.job_backfills"
                + " WHERE job_name = ? AND rerun AND status = 'pending' ORDER BY id LIMIT 1", BackfillService::map,
                job.name());
        if (waiting.isPresent()) {
            Backfill pending = waiting.get();
            LocalDate start = from.isBefore(pending.from()) ? from : pending.from();
            LocalDate end = to.isAfter(pending.to()) ? to : pending.to();
            if (jdbc.update("UPDATE ops.job_backfills SET from_date = ?, to_date = ?, dates_total = ?"
                    + " WHERE id = ? AND status = 'pending'", start, end, datesOf(job, start, end).size(),
                    pending.id()) == 1) {
                return find(pending.id()).orElseThrow();
            }
        }
        return insert(job, from, to, false, false, true);
    }

    /** The last date a pending or running backfill of the job with its dependents will reach, if any. */
    Optional<LocalDate> dependentsReachUntil(String upstream) {
        return jdbc.first("SELECT max(to_date) AS last FROM ops.job_backfills WHERE job_name = ? AND with_dependents"
                + " AND status IN ('pending', 'running') HAVING max(to_date) IS NOT NULL",
                rs -> Jdbc.date(rs, "last"), upstream);
    }

    private Backfill insert(JobDefinition job, LocalDate from, LocalDate to, boolean withDependents,
            boolean newestFirst, boolean rerun) {
        List<LocalDate> dates = datesOf(job, from, to);
        long id = jdbc.first("""
                INSERT INTO ops.job_backfills (job_name, from_date, to_date, with_dependents, status, dates_total,
                                               requested_at, newest_first, rerun)
                VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?) RETURNING id""",
                rs -> rs.getLong(1), job.name(), from, to, withDependents, dates.size(), clock.instant(),
                newestFirst, rerun).orElseThrow();
        return find(id).orElseThrow();
    }

    public Optional<Backfill> find(long id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM ops.job_backfills WHERE id = ?", BackfillService::map, id);
    }

    public List<Backfill> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ops.job_backfills ORDER BY id DESC LIMIT ?",
                BackfillService::map, limit);
    }

    /** On election: the first tick as leader checks whether the database is empty (first start). */
    void resumeOnNextTick() {
        electedSinceLastTick.set(true);
    }

    /**
     * Called by every tick of the leader: works on each pending or interrupted backfill not yet in hand, whichever
     * instance accepted the request. A backfill is never started during the election itself, when this instance
     * does not report itself leader yet.
     */
    void startPending() {
        if (electedSinceLastTick.getAndSet(false)) {
            firstStart();
        }
        for (Backfill backfill : jdbc.query("SELECT " + COLUMNS + " FROM ops.job_backfills"
                + " WHERE status IN ('pending', 'running') ORDER BY id", BackfillService::map)) {
            if (inHand.add(backfill.id())) {
                worker.submit(() -> {
                    try {
                        work(backfill.id());
                    } finally {
                        inHand.remove(backfill.id());
                    }
                });
            }
        }
    }

    /** An empty database (no run ever, no backfill) gets the configured window of history. */
    private void firstStart() {
        JobsConfig.FirstStart first = config.firstStart();
        if (!first.enabled() || !runs.isEmpty()
                || jdbc.first("SELECT 1 FROM ops.job_backfills LIMIT 1", rs -> true).isPresent()) {
            return;
        }
        LocalDate until = first.until().orElse(LocalDate.ofInstant(clock.instant(), config.zone()).minusDays(1));
        LocalDate from = until.minus(first.window());
        for (String name : first.snapshotJobs()) {
            LocalDate day = lastOpenDay(name, until);
            firstStartRequest(name, day, day, false);
        }
        // Newest first: a new user sees the latest market within a minute instead of after the whole year.
        for (String name : first.jobs()) {
            firstStartRequest(name, from, until, first.newestFirst());
        }
        // The worker takes requests in order, so these run once the history they need is stored. They are for the
        // history's last trading day whatever their own calendar: a model trained up to a Sunday would be too new
        // for that Friday's predictions, which only use models trained on data up to their date.
        LocalDate lastTradingDay = lastTradingDay(until);
        for (String name : first.finalJobs()) {
            firstStartRequest(name, lastTradingDay, lastTradingDay, false);
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

    private void firstStartRequest(String name, LocalDate from, LocalDate until, boolean newestFirst) {
        Optional<JobDefinition> job = catalog.find(name).filter(catalog::runnable);
        if (job.isEmpty()) {
            LOG.infof("first start: %s has no action yet, not backfilled", name);
            return;
        }
        LOG.infof("first start: backfilling %s from %s to %s%s", name, from, until,
                newestFirst ? ", newest first" : "");
        request(job.get(), from, until, true, newestFirst);
    }

    private void work(long id) {
        // Marked running before its range is read: a recomputation widened meanwhile is then a new request.
        if (jdbc.leaderUpdate("UPDATE ops.job_backfills SET status = 'running' WHERE id = ? AND status IN ('pending', 'running')",
                id) == 0) {
            return;
        }
        Backfill backfill = find(id).orElseThrow();
        Optional<JobDefinition> found = catalog.find(backfill.jobName()).filter(catalog::runnable);
        if (found.isEmpty()) {
            finish(id, "failed", "job " + backfill.jobName() + " is unknown or has no action");
            return;
        }
        JobDefinition job = found.get();
        int done = 0;
        int failed = 0;
        List<LocalDate> dates = datesOf(job, backfill.from(), backfill.to());
        // Dependents in step with the dates only when those go oldest first: indicators roll forward from the
        // previous day's values, so a newest-first history gets its dependents after it is all in, oldest first.
        boolean dependentsInStep = backfill.withDependents() && !backfill.newestFirst();
        NavigableMap<LocalDate, RunStatus> outcomes = new TreeMap<>();
        try {
            for (LocalDate date : backfill.newestFirst() ? dates.reversed() : dates) {
                if (paused(id)) {
                    return;
                }
                RunStatus status = runOne(job, date, backfill.rerun());
                if (status == RunStatus.ABANDONED) {
                    return;
                }
                outcomes.put(date, status);
                if (dependentsInStep) {
                    followDependents(job, date, status);
                }
                failed += status == RunStatus.FAILED ? 1 : 0;
                jdbc.leaderUpdate("UPDATE ops.job_backfills SET dates_done = ? WHERE id = ?", ++done, id);
            }
            if (backfill.withDependents() && !dependentsInStep) {
                for (Map.Entry<LocalDate, RunStatus> outcome : outcomes.entrySet()) {
                    if (paused(id)) {
                        return;
                    }
                    followDependents(job, outcome.getKey(), outcome.getValue());
                }
            }
            finish(id, "done", failed == 0 ? null : failed + " dates failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DeposedLeaderException e) {
            // Not a failure of the backfill: the current leader resumes it where the last landed write left it.
            LOG.infof("backfill %d stopped: %s", id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "backfill %d broke", id);
            finish(id, "failed", e.toString());
        }
    }

    /** Leadership lost: the backfill stops here and the next leader resumes it. */
    private boolean paused(long id) {
        if (leadership.get().isLeader()) {
            return false;
        }
        LOG.infof("backfill %d paused: no longer leader", id);
        return true;
    }

    /** Runs the job for a date unless it already succeeded, or records it skipped if an upstream did not. */
    private RunStatus runOne(JobDefinition job, LocalDate date, boolean rerun) throws InterruptedException {
        if (!rerun && runs.hasSucceeded(job.name(), date)) {
            return RunStatus.SUCCEEDED;
        }
        for (String upstream : job.after()) {
            if (!runs.hasSucceeded(upstream, date)) {
                dependencies.skip(job, date, "upstream " + upstream + " has not succeeded for " + date);
                return RunStatus.SKIPPED;
            }
        }
        return runner.runAndWait(job, date, RunTrigger.BACKFILL);
    }

    private void followDependents(JobDefinition upstream, LocalDate date, RunStatus status)
            throws InterruptedException {
        for (JobDefinition dependent : catalog.dependentsOf(upstream.name())) {
            // Left out, not waited for: a run of today may hold the job long after the history is in.
            if (!catalog.runnable(dependent) || !dependent.inBackfills()) {
                continue;
            }
            if (status == RunStatus.SUCCEEDED) {
                RunStatus own = runOne(dependent, date, false);
                if (own != RunStatus.ABANDONED) {
                    followDependents(dependent, date, own);
                }
            } else if (status == RunStatus.FAILED || status == RunStatus.SKIPPED) {
                dependencies.skip(dependent, date, "upstream " + upstream.name() + " "
                        + status.name().toLowerCase(Locale.ROOT) + " for " + date);
            }
        }
    }

    private List<LocalDate> datesOf(JobDefinition job, LocalDate from, LocalDate to) {
        if (job.tradingDaysOnly()) {
            return calendar.tradingDays(from, to);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            dates.add(day);
        }
        return dates;
    }

    private void finish(long id, String status, String error) {
        jdbc.leaderUpdate("UPDATE ops.job_backfills SET status = ?, finished_at = ?, error = ? WHERE id = ?",
                status, clock.instant(), error, id);
    }

    private static Backfill map(ResultSet rs) throws SQLException {
        return new Backfill(rs.getLong("id"), rs.getString("job_name"), Jdbc.date(rs, "from_date"),
                Jdbc.date(rs, "to_date"), rs.getBoolean("with_dependents"), rs.getString("status"),
                rs.getInt("dates_total"), rs.getInt("dates_done"), Jdbc.instant(rs, "requested_at"),
                Jdbc.instant(rs, "finished_at"), rs.getString("error"), rs.getBoolean("newest_first"),
                rs.getBoolean("rerun"));
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }
}
