package io.kmarket.scheduler.job.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.fencing.FencedWrites;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * ops.job_state: the pause flag and last accounted fire time of each job, persisted across restarts, through
 * {@link JobStateEntity}. The fire time is the leader's bookkeeping, fenced with its term; the pause flag is an
 * operator's, written by whichever instance was asked.
 */
@ApplicationScoped
public class JobStateStore {

    private final Jdbc jdbc;
    private final FencedWrites fenced;

    JobStateStore(Jdbc jdbc, FencedWrites fenced) {
        this.jdbc = jdbc;
        this.fenced = fenced;
    }

    public boolean paused(String job) {
        return find(job).map(state -> state.paused).orElse(false);
    }

    public void setPaused(String job, boolean paused, Instant now) {
        QuarkusTransaction.joiningExisting().run(() -> {
            JobStateEntity state = row(job);
            state.paused = paused;
            state.updatedAt = utc(now);
        });
    }

    Optional<Instant> lastFireAt(String job) {
        return find(job).map(state -> state.lastFireAt).map(OffsetDateTime::toInstant);
    }

    void setLastFireAt(String job, Instant fireAt, Instant now) {
        fenced.underCurrentLeadership(() -> {
            JobStateEntity state = row(job);
            state.lastFireAt = utc(fireAt);
            state.updatedAt = utc(now);
            return null;
        });
    }

    private static Optional<JobStateEntity> find(String job) {
        return QuarkusTransaction.joiningExisting().call(() -> JobStateEntity.<JobStateEntity>findByIdOptional(job));
    }

    /**
     * The job's row, created if there is none yet. An operator's pause and the leader's first tick may create it at
     * the same moment, and of two inserts one would fail: an insert that does nothing when the row exists is the one
     * atomic way, and the ORM has no word for it. Runs in the caller's transaction, whose connection Hibernate uses.
     */
    private JobStateEntity row(String job) {
        jdbc.update("INSERT INTO ops.job_state (job_name) VALUES (?) ON CONFLICT (job_name) DO NOTHING", job);
        return JobStateEntity.findById(job);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
