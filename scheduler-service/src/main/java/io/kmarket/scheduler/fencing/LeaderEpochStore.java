package io.kmarket.scheduler.fencing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.kmarket.scheduler.job.leader.LeaderElector;

/**
 * ops.leader_epoch, on a connection the caller owns: the election's own lock session bumps it, a write's
 * transaction checks it. Static because the elector is not a CDI bean (see LeaderElector) and because each
 * statement must run on that one connection, never on one the pool picks.
 */
public final class LeaderEpochStore {

    /** Who holds the lock, and since which epoch. */
    public record Holder(long epoch, String holder, Instant acquiredAt) {
    }

    private static final String SELECT = "SELECT epoch, holder, acquired_at FROM ops.leader_epoch WHERE lock_key = ?";

    private LeaderEpochStore() {
    }

    /** Starts the next epoch for the lock just taken on {@code lockSession}; returns it. */
    public static long bump(Connection lockSession, long lockKey, String holder, Instant now) throws SQLException {
        try (PreparedStatement ps = lockSession.prepareStatement("""
                INSERT INTO ops.leader_epoch AS e (lock_key, epoch, holder, acquired_at) VALUES (?, 1, ?, ?)
                ON CONFLICT (lock_key) DO UPDATE SET epoch = e.epoch + 1, holder = EXCLUDED.holder,
                    acquired_at = EXCLUDED.acquired_at
                RETURNING epoch""")) {
            ps.setLong(1, lockKey);
            ps.setString(2, holder);
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static Optional<Holder> current(Connection connection, long lockKey) throws SQLException {
        return read(connection, SELECT, lockKey);
    }

    /**
     * The current holder, share-locked until the caller's transaction ends: a takeover's {@link #bump} waits for
     * the write in progress, and a write that waited for a takeover reads the new epoch.
     */
    static Optional<Holder> currentLocked(Connection transaction, long lockKey) throws SQLException {
        return read(transaction, SELECT + " FOR SHARE", lockKey);
    }

    /**
     * Ends the caller's transaction (and session) if it stays idle longer than {@code millis}: a writer frozen while
     * it holds the share lock of {@link #currentLocked} would otherwise keep every standby from taking over.
     */
    static void limitStall(Connection transaction, long millis) throws SQLException {
        try (Statement st = transaction.createStatement()) {
            st.execute("SET LOCAL idle_in_transaction_session_timeout = " + millis);
        }
    }

    private static Optional<Holder> read(Connection connection, String sql, long lockKey) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, lockKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
            }
        }
    }
}
