package io.kmarket.scheduler.job.engine;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.store.Jdbc;

/** ops.job_state: the pause flag and last accounted fire time of each job, persisted across restarts. */
@ApplicationScoped
public class JobStateStore {

    private final Jdbc jdbc;

    JobStateStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public boolean paused(String job) {
        return jdbc.first("SELECT paused FROM ops.job_state WHERE job_name = ?", rs -> rs.getBoolean(1), job)
                .orElse(false);
    }

    public void setPaused(String job, boolean paused, Instant now) {
        jdbc.update("""
                INSERT INTO ops.job_state (job_name, paused, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (job_name) DO UPDATE SET paused = EXCLUDED.paused, updated_at = EXCLUDED.updated_at""",
                job, paused, now);
    }

    Optional<Instant> lastFireAt(String job) {
        return jdbc.first("SELECT last_fire_at FROM ops.job_state WHERE job_name = ?",
                rs -> Optional.ofNullable(Jdbc.instant(rs, "last_fire_at")), job).flatMap(o -> o);
    }

    void setLastFireAt(String job, Instant fireAt, Instant now) {
        jdbc.leaderUpdate("""
                INSERT INTO ops.job_state (job_name, last_fire_at, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (job_name) DO UPDATE SET last_fire_at = EXCLUDED.last_fire_at,
                                                     updated_at = EXCLUDED.updated_at""", job, fireAt, now);
    }
}
