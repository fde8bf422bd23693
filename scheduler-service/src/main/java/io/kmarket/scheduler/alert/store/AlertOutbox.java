package io.kmarket.scheduler.alert.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** ops.alert_outbox: alerts waiting for (or done with) delivery, one open alert per stable cause. */
@ApplicationScoped
public class AlertOutbox {

    /** An alert claimed for one delivery attempt. */
    public record Claimed(long id, String text, int attempts) {
    }

    /** How long a claimed alert is hidden from other dispatchers while its POST is under way. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private final AgroalDataSource dataSource;

    AlertOutbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues the alert unless one with the same key is open; true if it was queued. */
    public boolean enqueue(String key, String job, LocalDate date, String text, boolean deliverable, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return enqueue(c, key, job, date, text, deliverable, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot queue an alert", e);
        }
    }

    /** The same within the caller's transaction (a store of this package queues alerts with its own writes). */
    boolean enqueue(Connection c, String key, String job, LocalDate date, String text, boolean deliverable,
            Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO ops.alert_outbox (alert_key, job_name, logical_date, text, state, next_attempt_at,
                                              created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (alert_key) WHERE resolved_at IS NULL DO NOTHING""")) {
            st.setString(1, key);
            st.setString(2, job);
            st.setDate(3, date == null ? null : Date.valueOf(date));
            st.setString(4, text);
            st.setString(5, deliverable ? "pending" : "logged");
            st.setTimestamp(6, Timestamp.from(now));
            st.setTimestamp(7, Timestamp.from(now));
            return st.executeUpdate() == 1;
        }
    }

    /** A success of the job for the date: its open alerts are closed, so a later failure alerts again. */
    public void resolve(String job, LocalDate date, Instant now) {
        update("""
                UPDATE ops.alert_outbox SET resolved_at = ?
                 WHERE job_name = ? AND logical_date = ? AND resolved_at IS NULL""",
                Timestamp.from(now), job, Date.valueOf(date));
    }

    /**
     * Claims up to {@code limit} pending alerts due at {@code now}, oldest first. SKIP LOCKED and the claim's
     * pushed-back next attempt keep two instances from posting the same alert.
     */
    public List<Claimed> claimDue(Instant now, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("""
                        UPDATE ops.alert_outbox SET next_attempt_at = ?
                         WHERE id IN (SELECT id FROM ops.alert_outbox
                                       WHERE state = 'pending' AND next_attempt_at <= ?
                                       ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id, text, attempts""")) {
            st.setTimestamp(1, Timestamp.from(now.plus(CLAIM)));
            st.setTimestamp(2, Timestamp.from(now));
            st.setInt(3, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
            claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim due alerts", e);
        }
    }

    public void sent(long id, Instant now) {
        update("UPDATE ops.alert_outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL"
                + " WHERE id = ?", Timestamp.from(now), id);
    }

    public void failed(long id, Instant nextAttempt, String error) {
        update("UPDATE ops.alert_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(nextAttempt), error, id);
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the alert outbox", e);
        }
    }
}
