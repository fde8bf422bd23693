package io.kmarket.scheduler.job.backfill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.store.Jdbc;

/**
 * ops.job_backfills. Requests are written by any instance; the progress and the end of a backfill are the
 * leader's bookkeeping, fenced with its term (a leader frozen past a takeover writes nothing when it wakes).
 */
@ApplicationScoped
class BackfillStore {

    private static final String COLUMNS = "id, job_name, from_date, to_date, with_dependents, status, dates_total,"
            + " dates_done, requested_at, finished_at, error, newest_first, rerun";

    private final Jdbc jdbc;

    BackfillStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String job, LocalDate from, LocalDate to, boolean withDependents, int datesTotal, Instant now,
            boolean newestFirst, boolean rerun) {
        return jdbc.first("""
                INSERT INTO ops.job_backfills (job_name, from_date, to_date, with_dependents, status, dates_total,
                                               requested_at, newest_first, rerun)
                VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?) RETURNING id""",
                rs -> rs.getLong(1), job, from, to, withDependents, datesTotal, now, newestFirst, rerun).orElseThrow();
    }

    Optional<Backfill> find(long id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM ops.job_backfills WHERE id = ?", BackfillStore::map, id);
    }

    List<Backfill> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ops.job_backfills ORDER BY id DESC LIMIT ?",
                BackfillStore::map, limit);
    }

    /** The oldest re-run of the job that has not started yet. */
    Optional<Backfill> pendingRerun(String job) {
        return jdbc.first("SELECT " + COLUMNS + " FROM ops.job_backfills"
                + " WHERE job_name = ? AND rerun AND status = 'pending' ORDER BY id LIMIT 1", BackfillStore::map, job);
    }

    /** Widens a backfill that has not started yet; false once it has (its range is read then). */
    boolean widen(long id, LocalDate from, LocalDate to, int datesTotal) {
        return jdbc.update("UPDATE ops.job_backfills SET from_date = ?, to_date = ?, dates_total = ?"
                + " WHERE id = ? AND status = 'pending'", from, to, datesTotal, id) == 1;
    }

    /** The last date a pending or running backfill of the job with its dependents will reach, if any. */
    Optional<LocalDate> dependentsReachUntil(String upstream) {
        return jdbc.first("SELECT max(to_date) AS last FROM ops.job_backfills WHERE job_name = ? AND with_dependents"
                + " AND status IN ('pending', 'running') HAVING max(to_date) IS NOT NULL",
                rs -> Jdbc.date(rs, "last"), upstream);
    }

    boolean isEmpty() {
        return jdbc.first("SELECT 1 FROM ops.job_backfills LIMIT 1", rs -> true).isEmpty();
    }

    /** Pending backfills and those a crash or a failover interrupted, in the order they were requested. */
    List<Backfill> unfinished() {
        return jdbc.query("SELECT " + COLUMNS + " FROM ops.job_backfills"
                + " WHERE status IN ('pending', 'running') ORDER BY id", BackfillStore::map);
    }

    /** Takes the backfill in hand (again, after an interruption); false when it has ended meanwhile. */
    boolean markRunning(long id) {
        return jdbc.leaderUpdate("UPDATE ops.job_backfills SET status = 'running'"
                + " WHERE id = ? AND status IN ('pending', 'running')", id) == 1;
    }

    void progress(long id, int datesDone) {
        jdbc.leaderUpdate("UPDATE ops.job_backfills SET dates_done = ? WHERE id = ?", datesDone, id);
    }

    void finish(long id, BackfillStatus status, String error, Instant now) {
        jdbc.leaderUpdate("UPDATE ops.job_backfills SET status = ?, finished_at = ?, error = ? WHERE id = ?",
                status.value(), now, error, id);
    }

    private static Backfill map(ResultSet rs) throws SQLException {
        return new Backfill(rs.getLong("id"), rs.getString("job_name"), Jdbc.date(rs, "from_date"),
                Jdbc.date(rs, "to_date"), rs.getBoolean("with_dependents"), BackfillStatus.of(rs.getString("status")),
                rs.getInt("dates_total"), rs.getInt("dates_done"), Jdbc.instant(rs, "requested_at"),
                Jdbc.instant(rs, "finished_at"), rs.getString("error"), rs.getBoolean("newest_first"),
                rs.getBoolean("rerun"));
    }
}
