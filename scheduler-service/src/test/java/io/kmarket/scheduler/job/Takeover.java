package io.kmarket.scheduler.job;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.kmarket.testing.postgres.ServiceSchema;

/**
 * A second scheduler instance taking over the application's leadership, as a standby does once the leader's lock
 * session ended (frozen past its session timeout, or cut off): the test ends the application's lock session and
 * a separate elector on the same lock key takes the lock and a new epoch. Closing it hands the lock back, and
 * the application (re-)elects itself on its next poll.
 */
final class Takeover implements AutoCloseable {

    static final String USURPER = "usurper-host/4711";

    private final LeaderElector usurper;

    private Takeover(LeaderElector usurper) {
        this.usurper = usurper;
    }

    static Takeover of(Leadership leadership, long lockKey) {
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
        return new Takeover(usurper);
    }

    long epoch() {
        return usurper.epoch();
    }

    /** Hands the lock back and waits until the application leads again (a new epoch, after its recovery). */
    void handBack(Leadership leadership) {
        usurper.close();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(leadership::confirmLeadership);
    }

    @Override
    public void close() {
        usurper.close();
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
