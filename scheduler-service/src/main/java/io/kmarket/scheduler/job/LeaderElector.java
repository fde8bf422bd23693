package io.kmarket.scheduler.job;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.fencing.LeaderEpochs;

/**
 * Leader election on a PostgreSQL session-level advisory lock, held on a connection of its own: a pooled
 * connection could be closed, validated away or shared, and with it the lock would silently change hands.
 * <p>
 * The session is created with {@code idle_session_timeout} a few heartbeats long: a leader that is cut off
 * from the database (or frozen) stops heartbeating, the server ends its session and the lock is free for a
 * standby, without waiting for TCP to notice. The leader confirms its session on every {@link #poll()} and
 * steps down at the first failure, before a standby can have taken the lock.
 * <p>
 * Taking the lock starts a new epoch in ops.leader_epoch, in the lock's own session: the fencing token every
 * write of this leadership carries. A leader whose confirmation finds a newer epoch (its session ended while it
 * was frozen and another instance took over) steps down at once.
 * Not a CDI bean, so that a test can run two electors against one database.
 */
public final class LeaderElector implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaderElector.class);

    /** Told about role changes; called on the polling thread. */
    public interface Listener {
        /** Called before the elector reports itself leader: recovery finishes before anything fires. */
        void elected(long epoch);

        /** Called after the elector stopped reporting itself leader. */
        void deposed();
    }

    private final String url;
    private final Properties properties = new Properties();
    private final long lockKey;
    private final Duration sessionTimeout;
    private final String holder;
    private final Clock clock;
    private final Listener listener;
    private final LeadershipLease lease;
    private Connection connection;
    private volatile boolean leader;
    private volatile long epoch;

    public LeaderElector(String url, String user, String password, long lockKey, Duration sessionTimeout,
            String holder, Clock clock, Listener listener) {
        this(url, user, password, lockKey, sessionTimeout, holder, clock, listener,
                new LeadershipLease(LeadershipLease.period(sessionTimeout, sessionTimeout.dividedBy(4)),
                        System::nanoTime));
    }

    /** {@code lease} is renewed by every successful confirmation and revoked by every step-down. */
    public LeaderElector(String url, String user, String password, long lockKey, Duration sessionTimeout,
            String holder, Clock clock, Listener listener, LeadershipLease lease) {
        this.lease = lease;
        this.url = url;
        this.lockKey = lockKey;
        this.sessionTimeout = sessionTimeout;
        this.holder = holder;
        this.clock = clock;
        this.listener = listener;
        long seconds = Math.max(1, sessionTimeout.toSeconds() / 2);
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "kmarket-scheduler-leader");
        properties.setProperty("connectTimeout", String.valueOf(seconds));
        properties.setProperty("socketTimeout", String.valueOf(seconds));
        properties.setProperty("tcpKeepAlive", "true");
    }

    public boolean isLeader() {
        return leader;
    }

    /** The epoch of the current (or last) leadership; 0 before the first. */
    public long epoch() {
        return epoch;
    }

    /** Confirms (or tries to take) the lock now: the last word before firing anything. */
    public boolean confirmLeadership() {
        poll();
        return leader;
    }

    /** One heartbeat: the leader confirms its session, a standby tries to take the lock. */
    public synchronized void poll() {
        // Read before the query: the server counts the session's silence from the query, never from earlier.
        long sentAt = lease.now();
        try {
            if (leader) {
                confirm();
            } else {
                tryAcquire();
            }
            if (leader) {
                lease.confirmed(sentAt);
            }
        } catch (SQLException e) {
            LOG.warnf("leader election: %s", e.getMessage());
            closeConnection();
            if (leader) {
                stepDown();
            }
        }
    }

    /** The backend pid of the lock session (tests terminate it to simulate a lost connection). */
    public synchronized int backendPid() throws SQLException {
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Steps down and hands the lock over at once (a standby need not wait for the session to end). */
    @Override
    public synchronized void close() {
        if (leader) {
            stepDown();
            unlock();
        }
        closeConnection();
    }

    private void unlock() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, lockKey);
            ps.execute();
        } catch (SQLException e) {
            LOG.debugf("unlocking: %s (the session's end releases the lock anyway)", e.getMessage());
        }
    }

    private void confirm() throws SQLException {
        Optional<LeaderEpochs.Holder> current = LeaderEpochs.current(connection, lockKey);
        if (current.isPresent() && current.get().epoch() == epoch) {
            return;
        }
        // Only another instance bumps the epoch, and only holding the lock: this session's hold is not the lock's.
        LOG.warnf("leader election: epoch %d superseded by %s", epoch,
                current.map(h -> h.epoch() + " (" + h.holder() + ")").orElse("nothing"));
        stepDown();
        unlock();
    }

    private void tryAcquire() throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, lockKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return;
                }
            }
        }
        try {
            epoch = LeaderEpochs.bump(connection, lockKey, holder, clock.instant());
        } catch (SQLException e) {
            // Leading without an epoch would leave every write of this leadership refused: give the lock back.
            unlock();
            throw e;
        }
        LOG.infof("leader election: this instance is now the leader (lock %d, epoch %d)", lockKey, epoch);
        try {
            listener.elected(epoch);
        } catch (RuntimeException e) {
            // Leading without recovery would leave the runs cut off by an outage "running", and a running row
            // keeps its job from ever starting again: give the lock back, stop what the partial recovery started
            // (its rows stay running, for the next recovery to abandon and re-run) and recover at the next heartbeat.
            LOG.errorf(e, "leader election: recovery after election failed; standing by until the next heartbeat");
            unlock();
            listener.deposed();
            return;
        }
        leader = true;
    }

    private void stepDown() {
        lease.revoked();
        leader = false;
        LOG.warn("leader election: lost the lock, this instance is standby and fires nothing");
        listener.deposed();
    }

    private Connection connection() throws SQLException {
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

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("closing the lock connection: %s", e.getMessage());
            }
            connection = null;
        }
    }
}
