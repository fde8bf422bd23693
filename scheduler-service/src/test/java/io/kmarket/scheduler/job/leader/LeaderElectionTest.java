package io.kmarket.scheduler.job.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.kmarket.testing.postgres.ServiceSchema;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two electors against the real database (a lock key of their own, so the application's elector is not
 * involved): one leads, the other stands by; when the leader's connection is killed the standby takes over,
 * and across 100 triggers delivered to both exactly 100 runs happen.
 */
@QuarkusTest
class LeaderElectionTest {

    private static final Logger LOG = Logger.getLogger(LeaderElectionTest.class);
    private static final long TEST_LOCK = 990_001;
    private static final int TRIGGERS = 100;

    @Test
    void exactlyOneRunPerTriggerAcrossAFailover() throws SQLException {
        KmarketTestDatabase db = KmarketTestDatabase.shared();
        List<String> transitions = new ArrayList<>();
        try (LeaderElector first = elector(db, "first", transitions);
                LeaderElector second = elector(db, "second", transitions);
                Connection admin = db.connectAsSuperuser()) {
            admin.createStatement().execute("CREATE TEMPORARY TABLE fired (trigger_no int, elector text)");
            first.poll();
            second.poll();
            assertThat(first.isLeader()).isTrue();
            assertThat(second.isLeader()).isFalse();

            long failoverMillis = -1;
            for (int trigger = 1; trigger <= TRIGGERS; trigger++) {
                if (trigger == TRIGGERS / 2) {
                    long killedAt = System.nanoTime();
                    terminate(admin, first.backendPid());
                    // What the heartbeats do every couple of seconds: each elector checks its lock.
                    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                            .until(() -> !first.confirmLeadership() & second.confirmLeadership());
                    failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
                }
                // Every trigger reaches both instances; each fires only while it holds the lock.
                fireIfLeader(admin, first, "first", trigger);
                fireIfLeader(admin, second, "second", trigger);
            }

            assertThat(count(admin, "SELECT count(*) FROM fired")).isEqualTo(TRIGGERS);
            assertThat(count(admin, "SELECT count(DISTINCT trigger_no) FROM fired")).isEqualTo(TRIGGERS);
            assertThat(count(admin, "SELECT count(*) FROM fired WHERE elector = 'first'")).isEqualTo(TRIGGERS / 2 - 1);
            assertThat(transitions).containsExactly("first elected", "first deposed", "second elected");
            assertThat(failoverMillis).isBetween(0L, 15_000L);
            LOG.infof("failover after the leader's connection was killed: %d ms", failoverMillis);
        }
    }

    @Test
    void whenTheLeaderClosesTheStandbyTakesOver() {
        KmarketTestDatabase db = KmarketTestDatabase.shared();
        List<String> transitions = new ArrayList<>();
        try (LeaderElector second = elector(db, "second", transitions)) {
            try (LeaderElector first = elector(db, "first", transitions)) {
                first.poll();
                second.poll();
                assertThat(second.isLeader()).isFalse();
            }
            await().atMost(Duration.ofSeconds(15)).until(second::confirmLeadership);
        }
        assertThat(transitions).containsExactly("first elected", "first deposed", "second elected",
                "second deposed");
    }

    private static LeaderElector elector(KmarketTestDatabase db, String name, List<String> transitions) {
        return new LeaderElector(db.jdbcUrl(), ServiceSchema.SCHEDULER.role(), ServiceSchema.SCHEDULER.password(),
                TEST_LOCK, Duration.ofSeconds(8), name, Clock.systemUTC(), new LeaderElector.Listener() {
                    @Override
                    public void elected(long epoch) {
                        transitions.add(name + " elected");
                    }

                    @Override
                    public void deposed() {
                        transitions.add(name + " deposed");
                    }
                });
    }

    private static void fireIfLeader(Connection admin, LeaderElector elector, String name, int trigger)
            throws SQLException {
        if (elector.confirmLeadership()) {
            try (PreparedStatement ps = admin.prepareStatement("INSERT INTO fired VALUES (?, ?)")) {
                ps.setInt(1, trigger);
                ps.setString(2, name);
                ps.executeUpdate();
            }
        }
    }

    private static void terminate(Connection admin, int pid) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, pid);
            ps.execute();
        }
    }

    private static long count(Connection admin, String sql) throws SQLException {
        try (ResultSet rs = admin.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
