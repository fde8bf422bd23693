package io.kmarket.scheduler.job.heal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.fencing.FencedWrites;

/**
 * ops.job_heals, written as the leader's bookkeeping (fenced with its term), and the two reads of the collection
 * side a heal decides by: the sites a collection run failed on, and whether their circuit is still open. Plain SQL:
 * a failure is counted and its next attempt computed in one upsert. Statuses are bound from {@link HealStatus}.
 */
@ApplicationScoped
class HealStore {

    private static final String COLUMNS = "job_name, logical_date, status, reason, failures,"
            + " array_to_string(blocked_on, ',') AS blocked_on, next_attempt_at, last_error, updated_at";

    private static final String PENDING = HealStatus.PENDING.value();
    private static final String HEALED = HealStatus.HEALED.value();

    private final Jdbc jdbc;
    private final FencedWrites fenced;

    HealStore(Jdbc jdbc, FencedWrites fenced) {
        this.jdbc = jdbc;
        this.fenced = fenced;
    }

    /** Closes the pending heal of the date; false when there was none. */
    boolean healed(String job, LocalDate date, Instant now) {
        return fenced.leaderUpdate("""
                UPDATE ops.job_heals SET status = ?, healed_at = ?, updated_at = ?
                 WHERE job_name = ? AND logical_date = ? AND status = ?""",
                HEALED, now, now, job, date, PENDING) == 1;
    }

    /**
     * Records one more consecutive failure of the date and when to retry it: after the n-th, first-delay ×
     * multiplier^(n-1), capped at max-delay. One statement: a tick between the count and its next attempt would
     * find the date due at once.
     */
    Heal failed(String job, LocalDate date, String reason, List<String> blockedOn, String error, Instant now,
            Duration firstDelay, double multiplier, Duration maxDelay) {
        double first = firstDelay.toMillis();
        double max = maxDelay.toMillis();
        return fenced.leaderFirst("""
                INSERT INTO ops.job_heals AS h (job_name, logical_date, status, reason, failures, blocked_on,
                                                next_attempt_at, last_error, created_at, updated_at)
                VALUES (?, ?, ?, ?, 1, string_to_array(?, ','),
                        ?::timestamptz + least(?::float8, ?::float8) * interval '1 millisecond', ?, ?, ?)
                ON CONFLICT (job_name, logical_date) DO UPDATE
                   SET status = EXCLUDED.status,
                       failures = CASE WHEN h.status = ? THEN 1 ELSE h.failures + 1 END,
                       next_attempt_at = EXCLUDED.updated_at + least(
                           ?::float8 * power(?::float8, CASE WHEN h.status = ? THEN 0 ELSE h.failures END),
                           ?::float8) * interval '1 millisecond',
                       blocked_on = EXCLUDED.blocked_on, last_error = EXCLUDED.last_error,
                       reason = CASE WHEN h.status = ? THEN EXCLUDED.reason ELSE h.reason END,
                       healed_at = NULL, updated_at = EXCLUDED.updated_at
                RETURNING\s""" + COLUMNS, HealStore::map, job, date, PENDING,
                reason, String.join(",", blockedOn), now, first, max, error, now, now, HEALED, first, multiplier,
                HEALED, max, HEALED)
                .orElseThrow();
    }

    /** A repair due now, unless one is already pending (it keeps its own schedule); false then. */
    boolean repair(String job, LocalDate date, String check, Instant now) {
        return fenced.leaderUpdate("""
                INSERT INTO ops.job_heals AS h (job_name, logical_date, status, reason, failures, next_attempt_at,
                                                created_at, updated_at)
                VALUES (?, ?, ?, ?, 0, ?, ?, ?)
                ON CONFLICT (job_name, logical_date) DO UPDATE
                   SET status = EXCLUDED.status, reason = EXCLUDED.reason, failures = 0, blocked_on = '{}',
                       next_attempt_at = EXCLUDED.next_attempt_at, healed_at = NULL, updated_at = EXCLUDED.updated_at
                 WHERE h.status = ?""", job, date, PENDING, check, now, now, now, HEALED) == 1;
    }

    /** Pending heals whose next attempt is due, newest dates first. */
    List<Heal> due(Instant now) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ops.job_heals"
                + " WHERE status = ? AND next_attempt_at <= ? ORDER BY logical_date DESC, job_name",
                HealStore::map, PENDING, now);
    }

    /** Moves the next attempt of the date, e.g. past the run just started for it. */
    void nextAttemptAt(String job, LocalDate date, Instant at) {
        fenced.leaderUpdate("UPDATE ops.job_heals SET next_attempt_at = ? WHERE job_name = ? AND logical_date = ?",
                at, job, date);
    }

    List<Heal> pending() {
        return jdbc.query("SELECT " + COLUMNS + " FROM ops.job_heals WHERE status = ?"
                + " ORDER BY logical_date DESC, job_name", HealStore::map, PENDING);
    }

    Optional<Heal> find(String job, LocalDate date) {
        return jdbc.first("SELECT " + COLUMNS + " FROM ops.job_heals WHERE job_name = ? AND logical_date = ?",
                HealStore::map, job, date);
    }

    /** Whether the circuit of any of the sites is open now (ops.site_health_status, kept by the collection). */
    boolean anyCircuitOpen(List<String> sites) {
        return !sites.isEmpty() && jdbc.first("""
                SELECT 1 FROM ops.site_health_status
                 WHERE site_code = ANY (string_to_array(?, ',')) AND upper(circuit_state) = 'OPEN'""",
                rs -> true, String.join(",", sites)).isPresent();
    }

    /** The sites whose tasks failed, timed out or were skipped in the collection run. */
    List<String> failedSites(String collectionRunId) {
        return jdbc.query("""
                SELECT DISTINCT site_code FROM ops.fetch_execution_logs
                 WHERE run_id = ?::uuid AND status IN ('failed', 'timeout', 'skipped') ORDER BY 1""",
                rs -> rs.getString(1), collectionRunId);
    }

    private static Heal map(ResultSet rs) throws SQLException {
        String blocked = rs.getString("blocked_on");
        return new Heal(rs.getString("job_name"), Jdbc.date(rs, "logical_date"), HealStatus.of(rs.getString("status")),
                rs.getString("reason"), rs.getInt("failures"),
                blocked == null || blocked.isEmpty() ? List.of() : Arrays.asList(blocked.split(",")),
                Jdbc.instant(rs, "next_attempt_at"), rs.getString("last_error"), Jdbc.instant(rs, "updated_at"));
    }
}
