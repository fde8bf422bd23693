package io.kmarket.scheduler.job.leader;

import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.WAIT;
import static io.kmarket.scheduler.job.JobsTestSupport.awaitFinished;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static io.kmarket.scheduler.job.JobsTestSupport.runs;
import static io.kmarket.testing.DatabaseRestarts.assertUnavailableWhileDown;
import static io.kmarket.testing.DatabaseRestarts.fillPool;
import static io.kmarket.testing.DatabaseRestarts.millisUntil;
import static io.kmarket.testing.DatabaseRestarts.restartAndTimeUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.job.TestActions;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.scheduler.job.engine.JobRun;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.JobScheduler;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.scheduler.job.heal.HealStatus;
import io.kmarket.scheduler.job.heal.Healing;
import io.kmarket.testing.DatabaseRestarts;
import io.kmarket.testing.DatabaseRestarts.InternalCall;
import io.kmarket.testing.MovingClock;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.kmarket.testing.postgres.ServiceSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The run's PostgreSQL stopped and started under a running scheduler, which loses its leader lock with the session:
 * while the database is down readiness is DOWN and the internal routes that need it answer 503 problem+json with
 * Retry-After; after each of ten restarts the service is ready and leads again within 10 s; and a run cut off by
 * the restart is run again, so the date it was healing ends healed.
 */
@QuarkusTest
@TestProfile(DatabaseRestartTest.HealingUpstream.class)
class DatabaseRestartTest {

    public static class HealingUpstream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmarket.jobs.healing.enabled", "true",
                    "kmarket.jobs.healing.jobs", "t-upstream",
                    "kmarket.jobs.healing.first-delay", "PT1M");
        }
    }

    private static final Logger LOG = Logger.getLogger(DatabaseRestartTest.class);
    private static final int POOL_MAX = 20;
    /** After 21:00 in Seoul no job of the catalogue fires for a while (quotes and disclosures have stopped). */
    private static final String EVENING = "2024-10-15T21:00:00";
    private static final LocalDate HEALED_DATE = LocalDate.of(2023, 5, 17);

    private static final List<InternalCall> DATA_ROUTES = List.of(
            new InternalCall("GET", "/internal/jobs", null, true),
            new InternalCall("GET", "/internal/jobs/t-daily", null, true),
            new InternalCall("GET", "/internal/jobs/runs?job=t-daily", null, true),
            new InternalCall("GET", "/internal/jobs/backfills", null, true),
            new InternalCall("GET", "/internal/jobs/backfills/987654321", null, true),
            new InternalCall("GET", "/internal/data-quality?date=2025-01-02", null, true),
            new InternalCall("POST", "/internal/jobs/t-disabled/pause", null, false),
            new InternalCall("POST", "/internal/jobs/t-daily/backfill",
                    "{\"from\":\"2025-01-02\",\"to\":\"2025-01-03\"}", false));

    private final KmarketTestDatabase database = KmarketTestDatabase.shared();

    @Inject
    AgroalDataSource pool;
    @Inject
    Leadership leadership;
    @Inject
    MovingClock clock;
    @Inject
    JobScheduler scheduler;
    @Inject
    JobRunner runner;
    @Inject
    JobCatalog catalog;
    @Inject
    JobRunStore repository;
    @Inject
    Healing healing;
    @Inject
    TestActions actions;
    @Inject
    JobsConfig config;

    @AfterEach
    void databaseBack() {
        database.start();
    }

    @Test
    void everyDataRouteAnswers503WithRetryAfterWhilePostgresqlIsDown() throws SQLException {
        assertUnavailableWhileDown(database, pool, POOL_MAX, DATA_ROUTES, "5");
    }

    @Test
    void readyAndLeadingAgainWithinTenSecondsAfterEachOfTenRestarts() throws SQLException {
        List<Long> readyAfterMillis = new ArrayList<>();
        List<Long> leadingAfterMillis = new ArrayList<>();
        for (int restart = 1; restart <= 10; restart++) {
            millisUntil(() -> DatabaseRestarts.ready() && leadership.isLeader(), "ready and leading before " + restart);
            fillPool(pool, POOL_MAX);
            long readyAfter = restartAndTimeUntil(database, DatabaseRestarts::ready, "ready after restart " + restart);
            readyAfterMillis.add(readyAfter);
            leadingAfterMillis.add(readyAfter + millisUntil(this::leadingAgain, "leading after restart " + restart));
        }
        LOG.infof("scheduler ready after each PostgreSQL restart (ms): %s; leading again after (ms): %s",
                readyAfterMillis, leadingAfterMillis);
        assertThat(readyAfterMillis).hasSize(10).allSatisfy(ms -> assertThat(ms).isLessThan(10_000L));
        assertThat(leadingAfterMillis).hasSize(10).allSatisfy(ms -> assertThat(ms).isLessThan(10_000L));
    }

    @Test
    void aHealingRunCutOffByTheRestartIsRunAgainAndItsDateHealed() throws Exception {
        // The flag alone may be left over from before another test's restart: wait for the lock taken again.
        millisUntil(this::leadingAgain, "leading");
        reset(actions, "t-upstream", "t-dependent", "t-second");
        clock.set(seoul(EVENING));
        try (Connection c = database.connectAsSuperuser(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ops.job_heals");
            s.executeUpdate("DELETE FROM ops.job_backfills");
            // Other tests' clocks left fire times behind: a jump to this clock must not catch up real jobs.
            s.executeUpdate("DELETE FROM ops.job_state");
        }
        scheduler.tick();
        // The first run fails on its own; the heal's retry is in flight when the database goes away.
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean databaseBack = new AtomicBoolean();
        actions.set("t-upstream", ctx -> {
            if (calls.incrementAndGet() == 1) {
                return JobOutcome.failed(0, "upstream answered 503");
            }
            while (!databaseBack.get()) {
                Thread.sleep(50);
            }
            return JobOutcome.succeeded(7);
        });
        runner.submit(catalog.find("t-upstream").orElseThrow(), HEALED_DATE, RunTrigger.MANUAL, null);
        assertThat(awaitFinished(repository, "t-upstream", 1).getFirst().status()).isEqualTo(RunStatus.FAILED);
        // The heal is written right after the run's end.
        await().atMost(WAIT).until(() -> healing.find("t-upstream", HEALED_DATE).isPresent());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        scheduler.tick();
        await().atMost(WAIT).until(() -> runs(repository, "t-upstream"),
                runs -> runs.size() == 2 && runs.get(1).status() == RunStatus.RUNNING);
        assertThat(runs(repository, "t-upstream").get(1).trigger()).isEqualTo(RunTrigger.HEAL);

        fillPool(pool, POOL_MAX);
        restartAndTimeUntil(database, this::leadingAgain, "leading after the restart");
        databaseBack.set(true);

        // Reads through the pool may meet a connection the restart cut; what counts is what the rows end as.
        List<JobRun> finished = await().atMost(WAIT).ignoreExceptions().until(() -> runs(repository, "t-upstream"),
                runs -> runs.size() == 3 && runs.stream().noneMatch(run -> run.status() == RunStatus.RUNNING));
        assertThat(finished).extracting(JobRun::status)
                .containsExactly(RunStatus.FAILED, RunStatus.ABANDONED, RunStatus.SUCCEEDED);
        assertThat(finished).extracting(JobRun::logicalDate).containsOnly(HEALED_DATE);
        await().atMost(WAIT).until(() -> healing.find("t-upstream", HEALED_DATE).orElseThrow().status(),
                HealStatus.HEALED::equals);
    }

    @Test
    void anElectionWhoseRecoveryFailsGivesTheLockBackAndIsRetried() throws SQLException {
        AtomicInteger recoveries = new AtomicInteger();
        LeaderElector.Listener failingOnce = new LeaderElector.Listener() {
            @Override
            public void elected(long epoch) {
                if (recoveries.incrementAndGet() == 1) {
                    throw new IllegalStateException("query failed: UPDATE ops.job_runs (connection reset)");
                }
            }

            @Override
            public void deposed() {
            }
        };
        try (LeaderElector elector = elector(990_011, failingOnce); LeaderElector other = elector(990_011, null)) {
            elector.poll();
            assertThat(elector.isLeader()).as("leader without having recovered").isFalse();
            // The lock is free again: an instance that can recover may lead meanwhile.
            assertThat(other.confirmLeadership()).isTrue();
            other.close();
            elector.poll();
            assertThat(elector.isLeader()).isTrue();
            assertThat(recoveries).hasValue(2);
        }
    }

    /**
     * The instance says it leads and the database agrees: the restart ended every session, so a granted advisory
     * lock on the key is one taken again since (the flag alone may still be the one from before the restart).
     */
    private boolean leadingAgain() {
        if (!leadership.isLeader()) {
            return false;
        }
        try (Connection c = database.connectAsSuperuser(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND classid = 0 AND objid = " + config.leader().lockKey())) {
            rs.next();
            return rs.getInt(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    private LeaderElector elector(long lockKey, LeaderElector.Listener listener) {
        LeaderElector.Listener quiet = listener != null ? listener : new LeaderElector.Listener() {
            @Override
            public void elected(long epoch) {
            }

            @Override
            public void deposed() {
            }
        };
        return new LeaderElector(database.jdbcUrl(), ServiceSchema.SCHEDULER.role(), ServiceSchema.SCHEDULER.password(),
                lockKey, Duration.ofSeconds(8), "restart-test-" + lockKey, Clock.systemUTC(), quiet);
    }
}
