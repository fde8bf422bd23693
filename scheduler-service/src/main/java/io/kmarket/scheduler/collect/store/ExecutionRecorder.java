package io.kmarket.scheduler.collect.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.TaskStatus;
import io.kmarket.scheduler.collect.fetch.Rejection;

/**
 * Writes what happened: one ops.fetch_execution_logs row per task, rejected rows, and the site's health. Every
 * failure is a {@link io.kmarket.kit.jdbc.DataAccessException}; the task runner logs it and goes on.
 */
@ApplicationScoped
public class ExecutionRecorder {

    private final Jdbc jdbc;
    private final Clock clock;

    ExecutionRecorder(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A finished task, as stored in ops.fetch_execution_logs. */
    public record TaskRecord(UUID runId, CollectionTask task, TaskStatus status, Instant startedAt, long durationMs,
            int records, int attempts, String errorType, String errorMessage) {
    }

    public void log(TaskRecord record) {
        jdbc.update("""
                INSERT INTO ops.fetch_execution_logs (run_id, site_code, dataset, task_key, status,
                    started_at, duration_ms, records, attempts, error_type, error_message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                record.runId(), record.task().site(), record.task().dataset().name(), record.task().key(),
                record.status().value(), record.startedAt(), record.durationMs(), record.records(),
                record.attempts(), record.errorType(), record.errorMessage());
    }

    public void rejections(UUID runId, CollectionTask task, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        jdbc.batch("""
                INSERT INTO ops.rejected_records (run_id, site_code, dataset, task_key, reason, excerpt)
                VALUES (?, ?, ?, ?, ?, ?)""", rejections, rejection -> new Object[] {runId, task.site(),
                task.dataset().name(), task.key(), rejection.reason(), rejection.excerpt()});
    }

    /**
     * Folds one task into the site's health: consecutive failures, last success/failure, moving averages (the
     * newest task weighs 10 %), and a status that is {@code failed} while the circuit is open, {@code degraded}
     * after a failure or while the rate is lowered, else {@code active}. The new values travel in EXCLUDED.
     */
    public void health(String site, boolean success, Long durationMs, double ratePerMinute, boolean rateLowered,
            String circuitState, Instant circuitOpenUntil, String error) {
        String status = "OPEN".equals(circuitState) ? "failed" : !success || rateLowered ? "degraded" : "active";
        Instant now = clock.instant();
        jdbc.update("""
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
                    total_tasks = h.total_tasks + 1, updated_at = now()""",
                site, status, success ? 0 : 1, success ? now : null, success ? null : now,
                durationMs == null ? null : durationMs.doubleValue(), success ? 1.0 : 0.0, ratePerMinute, circuitState,
                circuitOpenUntil, error);
    }
}
