package io.kmarket.scheduler.job.heal;

import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.WAIT;
import static io.kmarket.scheduler.job.JobsTestSupport.awaitFinished;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static io.kmarket.scheduler.job.JobsTestSupport.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.job.TestActions;
import io.kmarket.scheduler.job.backfill.Backfill;
import io.kmarket.scheduler.job.backfill.BackfillRequests;
import io.kmarket.scheduler.job.backfill.BackfillStatus;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobDefinition;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.scheduler.job.engine.JobRun;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.JobScheduler;
import io.kmarket.scheduler.job.engine.NewLeaderRecovery;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.scheduler.job.leader.Leadership;
import io.kmarket.testing.MovingClock;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Self-healing on fake time: a date whose run failed is retried, with a growing and capped back-off kept in the
 * database, once the site that failed it has its circuit closed again; its dependents then run for that date.
 * t-upstream stands for daily collection (one attempt per run), t-dependent and t-second for indicators and
 * predictions (t-dependent also rolls forward from its previous day, as indicators do). The dates are a year and a
 * half before the clock: far outside the dependents' window.
 */
@QuarkusTest
@TestProfile(HealingTest.HealingEnabled.class)
public class HealingTest {

    public static class HealingEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmarket.jobs.healing.enabled", "true",
                    "kmarket.jobs.healing.jobs", "t-upstream,t-dependent,t-second,daily-collection,disclosures",
                    "kmarket.jobs.healing.first-delay", "PT1M",
                    "kmarket.jobs.healing.multiplier", "2.0",
                    "kmarket.jobs.healing.max-delay", "PT4M",
                    "kmarket.jobs.roll-forward-jobs", "t-dependent");
        }
    }

    /** After 21:00 in Seoul no job of the catalogue fires for a while (quotes and disclosures have stopped). */
    private static final String EVENING = "2024-10-15T21:00:00";
    private static final LocalDate BLOCKED_DATE = LocalDate.of(2023, 3, 15);
    private static final LocalDate FLAKY_DATE = LocalDate.of(2023, 3, 16);

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
    Leadership leadership;
    @Inject
    NewLeaderRecovery recovery;
    @Inject
    TestActions actions;
    @Inject
    BackfillRequests backfills;

    @BeforeEach
    void cleanSlate() throws SQLException {
        await().atMost(WAIT).until(leadership::isLeader);
        reset(actions, "t-upstream", "t-dependent", "t-second");
        clock.set(seoul(EVENING));
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ops.job_heals");
            // Backfills other test classes left would queue before this class's on the one backfill worker.
            s.executeUpdate("DELETE FROM ops.job_backfills");
            // Other tests' clocks left fire times behind: a jump to this clock must not catch up real jobs.
            s.executeUpdate("DELETE FROM ops.job_state");
            s.executeUpdate("UPDATE ops.site_health_status SET circuit_state = 'CLOSED' WHERE site_code = 'KRX'");
        }
        scheduler.tick();
    }

    @Test
    void aDateFailedWithItsSiteBlockedIsRetriedOnceTheCircuitClosesAndItsDependentsThenRun() throws Exception {
        UUID collectionRun = UUID.randomUUID();
        blockedFetch(collectionRun, "KRX");
        setCircuit("KRX", "OPEN");
        AtomicBoolean siteBlocked = new AtomicBoolean(true);
        actions.set("t-upstream", ctx -> siteBlocked.get()
                ? JobOutcome.failed(0, "collection run " + collectionRun + ": 1 of 1 tasks failed, 0 skipped")
                : JobOutcome.succeeded(2632));

        runner.submit(catalog.find("t-upstream").orElseThrow(), BLOCKED_DATE, RunTrigger.BACKFILL, null);
        assertThat(awaitFinished(repository, "t-upstream", 1).getFirst().status()).isEqualTo(RunStatus.FAILED);
        Heal heal = await().atMost(WAIT).until(() -> healing.find("t-upstream", BLOCKED_DATE),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(heal.status()).isEqualTo(HealStatus.PENDING);
        assertThat(heal.failures()).isEqualTo(1);
        assertThat(heal.blockedOn()).containsExactly("KRX");

        // Past the back-off but the circuit is still open: a retry would only be skipped by the circuit.
        clock.advance(Duration.ofMinutes(5));
        scheduler.tick();
        assertThat(runs(repository, "t-upstream")).hasSize(1);

        setCircuit("KRX", "CLOSED");
        siteBlocked.set(false);
        clock.advance(Duration.ofSeconds(5));
        scheduler.tick();
        JobRun retry = awaitFinished(repository, "t-upstream", 2).get(1);
        assertThat(retry.trigger()).isEqualTo(RunTrigger.HEAL);
        assertThat(retry.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(retry.logicalDate()).isEqualTo(BLOCKED_DATE);

        JobRun dependent = await().atMost(WAIT).until(() -> lastOf("t-dependent"),
                run -> run != null && run.status() == RunStatus.SUCCEEDED);
        assertThat(dependent.logicalDate()).isEqualTo(BLOCKED_DATE);
        JobRun second = await().atMost(WAIT).until(() -> lastOf("t-second"),
                run -> run != null && run.status() == RunStatus.SUCCEEDED);
        assertThat(second.logicalDate()).isEqualTo(BLOCKED_DATE);
        assertThat(actions.calls("t-dependent")).containsExactly(BLOCKED_DATE);
        assertThat(healing.find("t-upstream", BLOCKED_DATE).orElseThrow().status()).isEqualTo(HealStatus.HEALED);

        // Healed means done: later ticks start nothing more for that date.
        clock.advance(Duration.ofHours(2));
        scheduler.tick();
        assertThat(runs(repository, "t-upstream")).hasSize(2);
    }

    @Test
    void theBackOffGrowsIsCappedSurvivesARestartAndTheFailingDateStaysVisible() throws Exception {
        actions.set("t-upstream", ctx -> JobOutcome.failed(0, "upstream answered 503"));
        runner.submit(catalog.find("t-upstream").orElseThrow(), FLAKY_DATE, RunTrigger.MANUAL, null);
        awaitFinished(repository, "t-upstream", 1);
        assertNextAttemptIn(Duration.ofMinutes(1), 1);

        // 1 minute, then 2, then 4, then 4 again (max-delay): each retry only once its wait has passed.
        List<Duration> waits = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(4));
        for (int failures = 1; failures < waits.size(); failures++) {
            Duration wait = waits.get(failures - 1);
            clock.advance(wait.minusSeconds(1));
            scheduler.tick();
            assertThat(runs(repository, "t-upstream")).as("before the wait after failure %d", failures)
                    .hasSize(failures);

            if (failures == 2) {
                // A restart: the in-memory runner forgets everything, a new leader recovers; the row remembers.
                runner.detachAll();
                recovery.recover();
                scheduler.tick();
                assertThat(runs(repository, "t-upstream")).hasSize(failures);
            }

            clock.advance(Duration.ofSeconds(1));
            scheduler.tick();
            JobRun retry = awaitFinished(repository, "t-upstream", failures + 1).get(failures);
            assertThat(retry.trigger()).isEqualTo(RunTrigger.HEAL);
            assertThat(retry.status()).isEqualTo(RunStatus.FAILED);
            assertNextAttemptIn(waits.get(failures), failures + 1);
        }
        assertThat(healing.pending()).extracting(Heal::jobName, Heal::logicalDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t-upstream", FLAKY_DATE));
    }

    @Test
    void gapsFoundByDataQualityScheduleARepairOfTheJobThatFillsThem() throws Exception {
        // A trading day of which nothing was ever stored or collected.
        LocalDate empty = LocalDate.of(2015, 6, 17);
        catalog.action("data-quality").run(JobContext.standalone("data-quality", empty));

        assertThat(healing.pending()).filteredOn(heal -> heal.logicalDate().equals(empty))
                .extracting(Heal::jobName, Heal::reason, Heal::failures, Heal::nextAttemptAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("daily-collection", "no-prices", 0, clock.instant()),
                        org.assertj.core.groups.Tuple.tuple("disclosures", "disclosures-not-collected", 0,
                                clock.instant()));
        // Checking again does not push the pending repair back (nor double it).
        clock.advance(Duration.ofMinutes(1));
        catalog.action("data-quality").run(JobContext.standalone("data-quality", empty));
        assertThat(healing.find("daily-collection", empty).orElseThrow().nextAttemptAt())
                .isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
        // The repair then runs like any retry (see the first test): through retryDue on the leader's tick.
    }

    @Test
    void aHealedDateHasTheRollingDependentRecomputedOnEveryLaterDateOldestFirstButNotTheirOwnDependents()
            throws Exception {
        LocalDate healed = LocalDate.of(2023, 4, 3);
        List<LocalDate> later = List.of(healed.plusDays(1), healed.plusDays(2), healed.plusDays(3));
        actions.set("t-upstream", ctx -> JobOutcome.succeeded(2632));
        JobDefinition upstream = catalog.find("t-upstream").orElseThrow();
        // The history as a first start leaves it: every date collected and computed (backfill runs follow no one).
        for (LocalDate date : concat(healed, later)) {
            for (String job : List.of("t-upstream", "t-dependent", "t-second")) {
                assertThat(runner.runAndWait(catalog.find(job).orElseThrow(), date, RunTrigger.BACKFILL))
                        .isEqualTo(RunStatus.SUCCEEDED);
            }
        }
        actions.reset("t-dependent");
        actions.reset("t-second");

        // The older date's data changes (a repaired gap): what rolled forward from it is stale from there on.
        clock.advance(Duration.ofSeconds(1));
        assertThat(runner.runAndWait(upstream, healed, RunTrigger.HEAL)).isEqualTo(RunStatus.SUCCEEDED);
        // The run's completion (and the request) may follow the end a moment later: the leader ticks meanwhile.
        await().atMost(WAIT).until(() -> {
            scheduler.tick();
            return actions.calls("t-dependent").size() >= 1 + concat(healed, later).size()
                    && backfills.recent(5).stream().allMatch(b -> b.status() == BackfillStatus.DONE);
        });

        List<LocalDate> calls = actions.calls("t-dependent");
        // The healed date itself (its dependents, as for any heal), then the recomputation from it, oldest first.
        assertThat(calls.subList(calls.size() - 4, calls.size())).containsExactlyElementsOf(concat(healed, later));
        assertThat(backfills.recent(1)).singleElement().satisfies(recompute -> {
            assertThat(recompute.jobName()).isEqualTo("t-dependent");
            assertThat(recompute.rerun()).isTrue();
            assertThat(recompute.withDependents()).isFalse();
            assertThat(List.of(recompute.from(), recompute.to(), recompute.datesDone()))
                    .containsExactly(healed, later.getLast(), 4);
        });
        // Predictions already made for the later dates stay as they were made.
        assertThat(actions.calls("t-second")).doesNotContainAnyElementsOf(later);

        // The latest date changing leaves nothing later to recompute.
        assertThat(runner.runAndWait(upstream, later.getLast(), RunTrigger.HEAL)).isEqualTo(RunStatus.SUCCEEDED);
        scheduler.tick();
        assertThat(backfills.recent(5)).filteredOn(Backfill::rerun).hasSize(1);
    }

    private static List<LocalDate> concat(LocalDate first, List<LocalDate> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    private void assertNextAttemptIn(Duration wait, int failures) {
        // The run's row ends a moment before its heal is written (RunEndFollowUps follows the UPDATE).
        Heal heal = await().atMost(WAIT).until(() -> healing.find("t-upstream", FLAKY_DATE),
                found -> found.filter(h -> h.failures() == failures).isPresent()).orElseThrow();
        Instant failedAt = repository.lastFinished("t-upstream", FLAKY_DATE).orElseThrow().endedAt();
        assertThat(heal.failures()).isEqualTo(failures);
        assertThat(heal.status()).isEqualTo(HealStatus.PENDING);
        assertThat(heal.lastError()).isEqualTo("upstream answered 503");
        assertThat(heal.nextAttemptAt()).isEqualTo(failedAt.plus(wait));
    }

    private JobRun lastOf(String job) {
        List<JobRun> all = runs(repository, job);
        return all.isEmpty() ? null : all.getLast();
    }

    private void blockedFetch(UUID collectionRun, String site) throws SQLException {
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ops.fetch_execution_logs (run_id, site_code, dataset, task_key, status, started_at,
                                                      duration_ms, error_type, error_message)
                VALUES (?, ?, 'daily_prices', 'KRX:daily_prices:20230315', 'failed', now(), 12, 'blocked',
                        'HTTP 403')""")) {
            ps.setObject(1, collectionRun);
            ps.setString(2, site);
            ps.executeUpdate();
        }
    }

    private static void setCircuit(String site, String state) throws SQLException {
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ops.site_health_status (site_code, circuit_state) VALUES (?, ?)
                ON CONFLICT (site_code) DO UPDATE SET circuit_state = EXCLUDED.circuit_state""")) {
            ps.setString(1, site);
            ps.setString(2, state);
            ps.executeUpdate();
        }
    }
}
