package io.kmarket.scheduler.job.leader;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.fencing.LeaderEpochStore;

/**
 * The election's own session: the advisory lock and the epoch it starts, on one connection outside the pool. A
 * pooled connection could be closed, validated away or shared, and with it the lock would silently change hands.
 * The session is created with {@code idle_session_timeout} = the session timeout, so the server ends it (and frees
 * the lock) when the leader falls silent. Not a CDI bean: each elector owns one (a test runs two).
 * <p>
 * Hence plain JDBC on a connection this class opens and holds across calls, the one place of the scheduler that
 * does not go through the service kit's {@code Jdbc}: that one borrows a pooled connection per call and gives it
 * back, and an advisory lock lives exactly as long as the session that took it.
 */
final class LeaderLockStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaderLockStore.class);

    private final String url;
    private final Properties properties = new Properties();
    private final long lockKey;
    private final Duration sessionTimeout;
    private Connection connection;

    LeaderLockStore(String url, String user, String password, long lockKey, Duration sessionTimeout) {
        this.url = url;
        this.lockKey = lockKey;
        this.sessionTimeout = sessionTimeout;
        long seconds = Math.max(1, sessionTimeout.toSeconds() / 2);
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "kmarket-scheduler-leader");
        properties.setProperty("connectTimeout", String.valueOf(seconds));
        properties.setProperty("socketTimeout", String.valueOf(seconds));
        properties.setProperty("tcpKeepAlive", "true");
    }

    /** Tries to take the lock, opening a session first if there is none. */
    boolean tryLock() throws SQLException {
        try (PreparedStatement ps = session().prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, lockKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Starts the next epoch in the session that just took the lock; returns it. */
    long startEpoch(String holder, Instant now) throws SQLException {
        return LeaderEpochStore.bump(heldSession(), lockKey, holder, now);
    }

    /**
     * The epoch the database records, read in the session that holds the lock: never in a new one, which would not
     * hold the lock and would confirm a leadership already lost.
     */
    Optional<LeaderEpochStore.Holder> currentEpoch() throws SQLException {
        return LeaderEpochStore.current(heldSession(), lockKey);
    }

    /** Gives the lock back; a failure is only logged, since the session's end releases it anyway. */
    void unlock() {
        try (PreparedStatement ps = heldSession().prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, lockKey);
            ps.execute();
        } catch (SQLException e) {
            LOG.debugf("unlocking: %s (the session's end releases the lock anyway)", e.getMessage());
        }
    }

    /** The backend pid of the session, opened if there is none (tests terminate it to simulate a lost connection). */
    int backendPid() throws SQLException {
        try (Statement st = session().createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Ends the session (and with it any lock it held). */
    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("closing the lock connection: %s", e.getMessage());
            }
            connection = null;
        }
    }

    private Connection heldSession() throws SQLException {
        if (connection == null) {
            throw new SQLException("no lock session");
        }
        return connection;
    }

    private Connection session() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, properties);
            try (Statement st = connection.createStatement()) {
                st.execute("SET idle_session_timeout = " + sessionTimeout.toMillis());
                // A takeover waits for the writes in progress (they share-lock the epoch row), not forever.
                st.execute("SET lock_timeout = " + sessionTimeout.toMillis() / 2);
            }
        }
        return connection;
    }
}
