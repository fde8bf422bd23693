package io.kmarket.scheduler.collect.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.fetch.Rejection;

/** Writes what happened: one ops.fetch_execution_logs row per task, rejected rows, and the site's health. */
@ApplicationScoped
public class ExecutionRecorder {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    ExecutionRecorder(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A finished task, as stored in ops.fetch_execution_logs. */
    public record TaskRecord(UUID runId, CollectionTask task, String status, Instant startedAt, long durationMs,
            int records, int attempts, String errorType, String errorMessage) {
    }

    public void log(TaskRecord record) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        INSERT INTO ops.fetch_execution_logs (run_id, site_code, dataset, task_key, status,
                            started_at, duration_ms, records, attempts, error_type, error_message)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            st.setObject(1, record.runId());
            st.setString(2, record.task().site());
            st.setString(3, record.task().dataset().name());
            st.setString(4, record.task().key());
            st.setString(5, record.status());
            st.setTimestamp(6, Timestamp.from(record.startedAt()));
            st.setLong(7, record.durationMs());
            st.setInt(8, record.records());
            st.setInt(9, record.attempts());
            st.setString(10, record.errorType());
            st.setString(11, record.errorMessage());
            st.executeUpdate();
        }
    }

    public void rejections(UUID runId, CollectionTask task, List<Rejection> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        INSERT INTO ops.rejected_records (run_id, site_code, dataset, task_key, reason, excerpt)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (Rejection rejection : rejections) {
                st.setObject(1, runId);
                st.setString(2, task.site());
                st.setString(3, task.dataset().name());
                st.setString(4, task.key());
                st.setString(5, rejection.reason());
                st.setString(6, rejection.excerpt());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * Folds one task into the site's health: consecutive failures, last success/failure, moving averages (the
     * newest task weighs 10 %), and a status that is {@code failed} while the circuit is open, {@code degraded}
     * after a failure or while the rate is lowered, else {@code active}. The new values travel in EXCLUDED.
     */
    public void health(String site, boolean success, Long durationMs, double ratePerMinute, boolean rateLowered,
            String circuitState, Instant circuitOpenUntil, String error) throws SQLException {
        String status = "OPEN".equals(circuitState) ? "failed" : !success || rateLowered ? "degraded" : "active";
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        INSERT INTO ops.site_health_status AS h (site_code, status, consecutive_failures,
                            last_success_at, last_failure_at, avg_response_ms, success_rate,
                            current_rate_per_minute, circuit_state, circuit_open_until, last_error, total_tasks,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, now())
                        ON CONFLICT (site_code) DO UPDATE SET
                            status = EXCLUDED.status,
                            consecutive_failures = CASE WHEN EXCLUDED.consecutive_failures = 0 THEN 0
                                ELSE h.consecutive_failures + 1 END,
                            last_success_at = COALESCE(EXCLUDED.last_success_at, h.last_success_at),
                            last_failure_at = COALESCE(EXCLUDED.last_failure_at, h.last_failure_at),
                            avg_response_ms = CASE WHEN EXCLUDED.avg_response_ms IS NULL THEN h.avg_response_ms
                                WHEN h.avg_response_ms IS NULL THEN EXCLUDED.avg_response_ms
                                ELSE h.avg_response_ms * 0.9 + EXCLUDED.avg_response_ms * 0.1 END,
                            success_rate = COALESCE(h.success_rate, EXCLUDED.success_rate) * 0.9
                                + EXCLUDED.success_rate * 0.1,
                            current_rate_per_minute = EXCLUDED.current_rate_per_minute,
                            circuit_state = EXCLUDED.circuit_state,
                            circuit_open_until = EXCLUDED.circuit_open_until,
                            last_error = COALESCE(EXCLUDED.last_error, h.last_error),
                            total_tasks = h.total_tasks + 1, updated_at = now()""")) {
            st.setString(1, site);
            st.setString(2, status);
            st.setInt(3, success ? 0 : 1);
            st.setTimestamp(4, success ? now : null);
            st.setTimestamp(5, success ? null : now);
            if (durationMs == null) {
                st.setNull(6, Types.DOUBLE);
            } else {
                st.setDouble(6, durationMs);
            }
            st.setDouble(7, success ? 1.0 : 0.0);
            st.setDouble(8, ratePerMinute);
            st.setString(9, circuitState);
            st.setTimestamp(10, circuitOpenUntil == null ? null : Timestamp.from(circuitOpenUntil));
            st.setString(11, error);
            st.executeUpdate();
        }
    }
}
