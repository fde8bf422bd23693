package io.kmarket.scheduler.job.leader;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kmarket.scheduler.collect.site.UpstreamLease;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.job.config.JobsConfig;

/**
 * The lease on upstream calls: held for {@link #period} after the last successful confirmation of the leadership,
 * measured on a monotonic clock. A process frozen past the lock's session timeout wakes with its monotonic clock
 * jumped too, so its lease has expired before its first request, whatever its heartbeat thread has not noticed yet.
 * <p>
 * The period is the session timeout minus one heartbeat: the server ends a silent lock session no earlier than a
 * session timeout after the confirmation's query, and a confirmation is timed from before that query, so the lease
 * ends at least one heartbeat before a standby can hold the lock.
 */
@ApplicationScoped
public class LeadershipLease implements UpstreamLease {

    private enum State { STANDBY, LEADER, ALWAYS }

    private final long periodNanos;
    private final LongSupplier ticker;
    private final long maxWaitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile State state = State.STANDBY;
    private volatile long confirmedAtNanos;

    @Inject
    LeadershipLease(JobsConfig config) {
        this(period(config.leader().sessionTimeout(), config.leader().heartbeat()), System::nanoTime);
    }

    public LeadershipLease(Duration period, LongSupplier ticker) {
        this.periodNanos = period.toNanos();
        this.ticker = ticker;
        // A waiting request looks again at least this often: the ticker of a test moves without signalling.
        this.maxWaitNanos = Math.min(periodNanos, TimeUnit.MILLISECONDS.toNanos(100));
    }

    /** Strictly shorter than the session timeout; a heartbeat as long as the timeout leaves a tenth of it. */
    public static Duration period(Duration sessionTimeout, Duration heartbeat) {
        Duration period = sessionTimeout.minus(heartbeat);
        return period.isPositive() ? period : sessionTimeout.dividedBy(10);
    }

    /** A reading of the monotonic clock taken BEFORE the confirmation's query was sent. */
    public long now() {
        return ticker.getAsLong();
    }

    /** Leadership confirmed by a query sent at {@code sentAtNanos} (see {@link #now}). */
    public void confirmed(long sentAtNanos) {
        signal(() -> {
            state = State.LEADER;
            confirmedAtNanos = sentAtNanos;
        });
    }

    /** Standby: every waiting or later request fails as deposed. */
    public void revoked() {
        signal(() -> state = State.STANDBY);
    }

    /** Without election (a single instance guaranteed): leased for good. */
    public void always() {
        signal(() -> state = State.ALWAYS);
    }

    @Override
    public boolean held() {
        State current = state;
        return current == State.ALWAYS || current == State.LEADER && ticker.getAsLong() - confirmedAtNanos < periodNanos;
    }

    @Override
    public void await() throws InterruptedException {
        lock.lock();
        try {
            while (!held()) {
                if (state == State.STANDBY) {
                    throw DeposedLeaderException.standby();
                }
                changed.awaitNanos(maxWaitNanos);
            }
        } finally {
            lock.unlock();
        }
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
