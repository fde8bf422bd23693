package io.kmarket.scheduler.job.leader;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.kmarket.testing.postgres.ServiceSchema;

/**
 * A second scheduler instance taking over the application's leadership, as a standby does once the leader's lock
 * session ended (frozen past its session timeout, or cut off): the test ends the application's lock session and
 * a separate elector on the same lock key takes the lock and a new epoch. Closing it hands the lock back, and
 * the application (re-)elects itself on its next poll. {@link #lockOnly} takes the lock without a new epoch: the
 * moment after the application lost its session and before any standby took over.
 */
public final class Takeover implements AutoCloseable {

    public static final String USURPER = "usurper-host/4711";

    private final AutoCloseable holder;
    private final long epoch;

    private Takeover(AutoCloseable holder, long epoch) {
        this.holder = holder;
        this.epoch = epoch;
    }

    public static Takeover of(Leadership leadership, long lockKey) {
        KmarketTestDatabase db = KmarketTestDatabase.shared();
        LeaderElector usurper = new LeaderElector(db.jdbcUrl(), ServiceSchema.SCHEDULER.role(),
                ServiceSchema.SCHEDULER.password(), lockKey, Duration.ofSeconds(8), USURPER, Clock.systemUTC(),
                new LeaderElector.Listener() {
                    @Override
                    public void elected(long epoch) {
                    }

                    @Override
                    public void deposed() {
                    }
                });
        // The application's heartbeat may take the lock back between the two steps: then end its session again.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            endOtherLockSessions(lockKey, usurper.backendPid());
            return usurper.confirmLeadership();
        });
        return new Takeover(usurper, usurper.epoch());
    }

    /** The lock taken on a plain session, the epoch left as the application's. */
    public static Takeover lockOnly(long lockKey) throws SQLException {
        Connection session = KmarketTestDatabase.shared().connectAsSuperuser();
        int pid = scalar(session, "SELECT pg_backend_pid()");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            endOtherLockSessions(lockKey, pid);
            return scalar(session, "SELECT pg_try_advisory_lock(" + lockKey + ")::int") == 1;
        });
        return new Takeover(session, -1);
    }

    public long epoch() {
        return epoch;
    }

    /** Hands the lock back and waits until the application leads again (a new epoch, after its recovery). */
    public void handBack(Leadership leadership) {
        close();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(leadership::confirmLeadership);
    }

    @Override
    public void close() {
        try {
            holder.close();
        } catch (Exception e) {
            throw new IllegalStateException("handing the lock back", e);
        }
    }

    private static int scalar(Connection session, String sql) throws SQLException {
        try (ResultSet rs = session.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void endOtherLockSessions(long lockKey, int keep) throws SQLException {
        try (Connection admin = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement ps = admin.prepareStatement("""
                        SELECT pg_terminate_backend(pid) FROM pg_locks
                         WHERE locktype = 'advisory' AND granted AND pid <> ?
                           AND ((classid::bigint << 32) | objid::bigint) = ? AND objsubid = 1""")) {
            ps.setInt(1, keep);
            ps.setLong(2, lockKey);
            ps.execute();
        }
    }
}
