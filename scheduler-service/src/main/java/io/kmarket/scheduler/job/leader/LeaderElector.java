package io.kmarket.scheduler.job.leader;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.fencing.LeaderEpochStore;

/**
 * Leader election on a PostgreSQL session-level advisory lock, held on a connection of its own
 * ({@link LeaderLockStore}).
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

    private final LeaderLockStore lock;
    private final long lockKey;
    private final String holder;
    private final Clock clock;
    private final Listener listener;
    private final LeadershipLease lease;
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
        this.lock = new LeaderLockStore(url, user, password, lockKey, sessionTimeout);
        this.lockKey = lockKey;
        this.holder = holder;
        this.clock = clock;
        this.listener = listener;
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
            lock.close();
            if (leader) {
                stepDown();
            }
        }
    }

    /** The backend pid of the lock session (tests terminate it to simulate a lost connection). */
    public synchronized int backendPid() throws SQLException {
        return lock.backendPid();
    }

    /** Steps down and hands the lock over at once (a standby need not wait for the session to end). */
    @Override
    public synchronized void close() {
        if (leader) {
            stepDown();
            lock.unlock();
        }
        lock.close();
    }

    private void confirm() throws SQLException {
        Optional<LeaderEpochStore.Holder> current = lock.currentEpoch();
        if (current.isPresent() && current.get().epoch() == epoch) {
            return;
        }
        // Only another instance bumps the epoch, and only holding the lock: this session's hold is not the lock's.
        LOG.warnf("leader election: epoch %d superseded by %s", epoch,
                current.map(h -> h.epoch() + " (" + h.holder() + ")").orElse("nothing"));
        stepDown();
        lock.unlock();
    }

    private void tryAcquire() throws SQLException {
        if (!lock.tryLock()) {
            return;
        }
        try {
            epoch = lock.startEpoch(holder, clock.instant());
        } catch (SQLException e) {
            // Leading without an epoch would leave every write of this leadership refused: give the lock back.
            lock.unlock();
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
            lock.unlock();
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
}
