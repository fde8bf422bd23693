package io.kmarket.scheduler.job.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.fencing.FencedWrites;
import io.kmarket.scheduler.fencing.Term;

/**
 * ops.job_runs: the run history, and the database-side guard of "at most one running run per job". A run is
 * started, advanced and finished under the leadership term it started in: each of those writes throws
 * {@link io.kmarket.scheduler.fencing.DeposedLeaderException} once another instance took over. Plain SQL, not an
 * entity: its writes are fenced claims and conditional updates of a running run, its reads ranges and aggregates.
 * Statuses and triggers are bound from {@link RunStatus} and {@link RunTrigger}.
 */
@ApplicationScoped
public class JobRunStore {

    private static final String COLUMNS = """
            id, job_name, logical_date, trigger, status, scheduled_for, started_at, ended_at, records,
            records_per_second, attempts, progress_done, progress_total, error, instance_id""";

    private static final String RUNNING = RunStatus.RUNNING.value();
    private static final String SUCCEEDED = RunStatus.SUCCEEDED.value();

    private final Jdbc jdbc;
    private final FencedWrites fenced;

    JobRunStore(Jdbc jdbc, FencedWrites fenced) {
        this.jdbc = jdbc;
        this.fenced = fenced;
    }

    /** Inserts a running run, or returns empty when the job already has one (the partial unique index). */
    Optional<Long> start(Term term, String job, LocalDate date, RunTrigger trigger, Instant scheduledFor,
            String instanceId, Instant now) {
        // The arbiter's predicate is spelled as the partial index's, a literal: PostgreSQL infers the index from it.
        return fenced.first(term, """
                INSERT INTO ops.job_runs (job_name, logical_date, trigger, status, scheduled_for, started_at,
                                          instance_id, heartbeat_at, attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (job_name) WHERE status = 'running' DO NOTHING
                RETURNING id""", rs -> rs.getLong(1), job, date, trigger.value(), RUNNING, scheduledFor, now,
                instanceId, now);
    }

    /** Fenced like the leader's bookkeeping: a skipped dependent is the verdict the next leader dispatches by. */
    void recordSkipped(String job, LocalDate date, RunTrigger trigger, String reason, Instant now) {
        fenced.leaderUpdate("""
                INSERT INTO ops.job_runs (job_name, logical_date, trigger, status, started_at, ended_at, attempts, error)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?)""", job, date, trigger.value(), RunStatus.SKIPPED.value(), now, now,
                reason);
    }

    void attempt(Term term, long id, int attempt, Instant now) {
        fenced.update(term, "UPDATE ops.job_runs SET attempts = ?, heartbeat_at = ? WHERE id = ? AND status = ?",
                attempt, now, id, RUNNING);
    }

    void progress(Term term, long id, int done, int total, Instant now) {
        fenced.update(term, """
                UPDATE ops.job_runs SET progress_done = ?, progress_total = ?, heartbeat_at = ?
                 WHERE id = ? AND status = ?""", done, total, now, id, RUNNING);
    }

    /** Ends a running run; false when it was no longer running (e.g. already abandoned by a new leader). */
    boolean finish(Term term, long id, RunStatus status, long records, Double recordsPerSecond, String error,
            Instant now) {
        return fenced.update(term, """
                UPDATE ops.job_runs SET status = ?, ended_at = ?, records = ?, records_per_second = ?, error = ?
                 WHERE id = ? AND status = ?""",
                status.value(), now, records, recordsPerSecond, error, id, RUNNING) == 1;
    }

    /**
     * Marks every running run as abandoned. Called by a newly elected leader before it starts anything: only a
     * leader executes runs, so any row still running belongs to a dead or deposed process.
     */
    List<JobRun> abandonRunning(Instant now) {
        return jdbc.query("UPDATE ops.job_runs SET status = ?, ended_at = ?,"
                + " error = 'abandoned: the process running it (' || coalesce(instance_id, '?') || ') is gone'"
                + " WHERE status = ? RETURNING " + COLUMNS, JobRunStore::map, RunStatus.ABANDONED.value(), now,
                RUNNING);
    }

    public Optional<JobRun> find(long id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM ops.job_runs WHERE id = ?", JobRunStore::map, id);
    }

    public Optional<JobRun> lastRun(String job) {
        return jdbc.first("SELECT " + COLUMNS + " FROM ops.job_runs WHERE job_name = ? ORDER BY id DESC LIMIT 1",
                JobRunStore::map, job);
    }

    /** The latest finished run of a job for a date (a run that is still running is not a verdict). */
    public Optional<JobRun> lastFinished(String job, LocalDate date) {
        return jdbc.first("SELECT " + COLUMNS + " FROM ops.job_runs WHERE job_name = ? AND logical_date = ?"
                + " AND status <> ? ORDER BY id DESC LIMIT 1", JobRunStore::map, job, date, RUNNING);
    }

    public boolean hasSucceeded(String job, LocalDate date) {
        return jdbc.first("SELECT 1 FROM ops.job_runs WHERE job_name = ? AND logical_date = ? AND status = ?",
                rs -> true, job, date, SUCCEEDED).isPresent();
    }

    /** The latest logical date after {@code date} on which the job succeeded. */
    public Optional<LocalDate> lastSucceededAfter(String job, LocalDate date) {
        return jdbc.first("SELECT max(logical_date) AS last FROM ops.job_runs WHERE job_name = ? AND logical_date > ?"
                + " AND status = ? HAVING max(logical_date) IS NOT NULL", rs -> Jdbc.date(rs, "last"), job, date,
                SUCCEEDED);
    }

    /** Logical dates in [from, to] on which the job has a finished run of the given status. */
    List<LocalDate> datesWithStatus(String job, RunStatus status, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT DISTINCT logical_date FROM ops.job_runs
                 WHERE job_name = ? AND status = ? AND logical_date BETWEEN ? AND ? ORDER BY 1""",
                rs -> Jdbc.date(rs, "logical_date"), job, status.value(), from, to);
    }

    /** Logical dates in [from, to] on which the job has any run at all. */
    List<LocalDate> datesWithAnyRun(String job, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT DISTINCT logical_date FROM ops.job_runs
                 WHERE job_name = ? AND logical_date BETWEEN ? AND ? ORDER BY 1""",
                rs -> Jdbc.date(rs, "logical_date"), job, from, to);
    }

    /** The end of each job's last successful run. */
    Map<String, Instant> lastSuccesses() {
        Map<String, Instant> last = new HashMap<>();
        jdbc.query("SELECT job_name, max(ended_at) AS at FROM ops.job_runs WHERE status = ? GROUP BY 1",
                rs -> last.put(rs.getString("job_name"), Jdbc.instant(rs, "at")), SUCCEEDED);
        return last;
    }

    /**
     * Logical dates in [from, to] on which the job succeeded outside backfills (which drive their own dependents),
     * with the end of the last such success.
     */
    Map<LocalDate, Instant> succeededOutsideBackfills(String job, LocalDate from, LocalDate to) {
        Map<LocalDate, Instant> succeeded = new HashMap<>();
        jdbc.query("""
                SELECT logical_date, max(ended_at) AS at FROM ops.job_runs
                 WHERE job_name = ? AND status = ? AND trigger <> ?
                   AND logical_date BETWEEN ? AND ? GROUP BY logical_date""",
                rs -> succeeded.put(Jdbc.date(rs, "logical_date"), Jdbc.instant(rs, "at")), job, SUCCEEDED,
                RunTrigger.BACKFILL.value(), from, to);
        return succeeded;
    }

    /** The start of the job's last run for each logical date in [from, to] that has one. */
    Map<LocalDate, Instant> lastStarts(String job, LocalDate from, LocalDate to) {
        Map<LocalDate, Instant> starts = new HashMap<>();
        jdbc.query("""
                SELECT logical_date, max(started_at) AS at FROM ops.job_runs
                 WHERE job_name = ? AND logical_date BETWEEN ? AND ? GROUP BY logical_date""",
                rs -> starts.put(Jdbc.date(rs, "logical_date"), Jdbc.instant(rs, "at")), job, from, to);
        return starts;
    }

    public boolean isEmpty() {
        return jdbc.first("SELECT 1 FROM ops.job_runs LIMIT 1", rs -> true).isEmpty();
    }

    public List<JobRun> runs(RunFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ops.job_runs WHERE true");
        List<Object> params = new ArrayList<>();
        condition(sql, params, " AND job_name = ?", filter.jobName());
        condition(sql, params, " AND status = ?", filter.status() == null ? null : filter.status().value());
        condition(sql, params, " AND trigger = ?", filter.trigger() == null ? null : filter.trigger().value());
        condition(sql, params, " AND logical_date >= ?", filter.from());
        condition(sql, params, " AND logical_date <= ?", filter.to());
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(filter.limit());
        return jdbc.query(sql.toString(), JobRunStore::map, params.toArray());
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private static JobRun map(ResultSet rs) throws SQLException {
        double rps = rs.getDouble("records_per_second");
        Double recordsPerSecond = rs.wasNull() ? null : rps;
        return new JobRun(rs.getLong("id"), rs.getString("job_name"), Jdbc.date(rs, "logical_date"),
                RunTrigger.of(rs.getString("trigger")), RunStatus.of(rs.getString("status")),
                Jdbc.instant(rs, "scheduled_for"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "ended_at"),
                rs.getLong("records"), recordsPerSecond, rs.getInt("attempts"),
                (Integer) rs.getObject("progress_done"), (Integer) rs.getObject("progress_total"),
                rs.getString("error"), rs.getString("instance_id"));
    }
}
