package io.kmarket.scheduler.alert.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * ops.alert_outbox ({@link AlertEntity}): alerts waiting for (or done with) delivery, one open alert per stable
 * cause. Queueing and claiming are SQL, each one atomic statement two instances cannot both win; the rest go
 * through the entity.
 */
@ApplicationScoped
public class AlertOutbox {

    /** An alert claimed for one delivery attempt. */
    public record Claimed(long id, String text, int attempts) {
    }

    /** How long a claimed alert is hidden from other dispatchers while its POST is under way. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private final Jdbc jdbc;

    AlertOutbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues the alert unless one with the same key is open; true if it was queued. Joins the caller's transaction,
     * if any (a store of this package queues alerts with its own writes). SQL: "unless one is open" is the partial
     * unique index of open keys, which only ON CONFLICT can say in one statement.
     */
    public boolean enqueue(String key, String job, LocalDate date, String text, boolean deliverable, Instant now) {
        return jdbc.update("""
                INSERT INTO ops.alert_outbox (alert_key, job_name, logical_date, text, state, next_attempt_at,
                                              created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (alert_key) WHERE resolved_at IS NULL DO NOTHING""",
                key, job, date, text, deliverable ? AlertEntity.PENDING : AlertEntity.LOGGED, now, now) == 1;
    }

    /** A success of the job for the date: its open alerts are closed, so a later failure alerts again. */
    public void resolve(String job, LocalDate date, Instant now) {
        QuarkusTransaction.joiningExisting().run(() -> AlertEntity.update(
                "resolvedAt = ?1 where jobName = ?2 and logicalDate = ?3 and resolvedAt is null", utc(now), job,
                date));
    }

    /**
     * Claims up to {@code limit} pending alerts due at {@code now}, oldest first. SKIP LOCKED and the claim's
     * pushed-back next attempt keep two instances from posting the same alert: SQL, as one statement.
     */
    public List<Claimed> claimDue(Instant now, int limit) {
        return jdbc.query("""
                UPDATE ops.alert_outbox SET next_attempt_at = ?
                 WHERE id IN (SELECT id FROM ops.alert_outbox
                               WHERE state = 'pending' AND next_attempt_at <= ?
                               ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, text, attempts""",
                row -> new Claimed(row.getLong(1), row.getString(2), row.getInt(3)), now.plus(CLAIM), now, limit)
                .stream().sorted(Comparator.comparingLong(Claimed::id)).toList();
    }

    // Counted up in the statement, not read and written back: a POST outliving its claim may be retried by another
    // instance, and both attempts count.
    public void sent(long id, Instant now) {
        QuarkusTransaction.joiningExisting().run(() -> AlertEntity.update(
                "state = ?1, sentAt = ?2, attempts = attempts + 1, lastError = null where id = ?3", AlertEntity.SENT,
                utc(now), id));
    }

    public void failed(long id, Instant nextAttempt, String error) {
        QuarkusTransaction.joiningExisting().run(() -> AlertEntity.update(
                "attempts = attempts + 1, nextAttemptAt = ?1, lastError = ?2 where id = ?3", utc(nextAttempt), error,
                id));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
