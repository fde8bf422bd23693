package io.kmarket.scheduler.job.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.awaitFinished;
import static io.kmarket.scheduler.job.JobsTestSupport.dates;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static io.kmarket.scheduler.job.JobsTestSupport.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.MlServiceStub;
import io.kmarket.scheduler.job.JobsTestSupport;
import io.kmarket.scheduler.job.TestActions;
import io.kmarket.testing.MovingClock;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** The leader's tick driven by a moved clock: schedules, calendar, catch-up, timeouts, retries, recovery. */
@QuarkusTest
class JobSchedulingTest {

    @Inject
    MovingClock clock;
    @Inject
    JobScheduler scheduler;
    @Inject
    JobRunStore repository;
    @Inject
    TestActions actions;
    @Inject
    JobCatalog catalog;
    @Inject
    JobRunner runner;
    @Inject
    NewLeaderRecovery recovery;

    @Test
    void firesAt1630SeoulOnTradingDaysAndNotOnHolidays() throws SQLException {
        reset(actions, "t-daily");
        clock.set(seoul("2024-09-13T16:00:00"));
        scheduler.tick();
        clock.set(seoul("2024-09-13T16:29:59"));
        scheduler.tick();
        assertThat(runs(repository, "t-daily")).isEmpty();

        clock.set(seoul("2024-09-13T16:30:03"));
        scheduler.tick();
        JobRun friday = awaitFinished(repository, "t-daily", 1).getFirst();
        assertThat(friday.logicalDate()).isEqualTo(LocalDate.of(2024, 9, 13));
        assertThat(friday.trigger()).isEqualTo(RunTrigger.SCHEDULE);
        assertThat(friday.status()).isEqualTo(RunStatus.SUCCEEDED);

        // Weekend, then Chuseok (16th-18th): no fire time counts, so nothing runs and nothing is "missed".
        clock.set(seoul("2024-09-18T16:30:03"));
        scheduler.tick();
        clock.set(seoul("2024-09-19T16:30:03"));
        scheduler.tick();
        List<JobRun> runs = awaitFinished(repository, "t-daily", 2);
        assertThat(runs.get(1).logicalDate()).isEqualTo(LocalDate.of(2024, 9, 19));
        assertThat(runs.get(1).trigger()).isEqualTo(RunTrigger.SCHEDULE);
    }

    @Test
    void afterDowntimeEachCatchUpPolicyRunsWhatItPromises() throws SQLException {
        reset(actions, "t-daily", "t-all", "t-none");
        clock.set(seoul("2024-10-07T10:00:00"));
        scheduler.tick();

        // Down from Monday 10:00 to the next Monday 10:00; the 9th (Hangul Day) is closed.
        clock.set(seoul("2024-10-14T10:00:00"));
        scheduler.tick();
        List<LocalDate> week = List.of(LocalDate.of(2024, 10, 7), LocalDate.of(2024, 10, 8),
                LocalDate.of(2024, 10, 10), LocalDate.of(2024, 10, 11));
        List<JobRun> all = awaitFinished(repository, "t-all", 4);
        assertThat(dates(all)).containsExactlyElementsOf(week);
        assertThat(all).allMatch(run -> run.trigger() == RunTrigger.CATCH_UP && run.status() == RunStatus.SUCCEEDED);
        assertThat(dates(awaitFinished(repository, "t-daily", 1))).containsExactly(LocalDate.of(2024, 10, 11));
        assertThat(runs(repository, "t-none")).isEmpty();

        // A month down: ALL is bounded by catch-up-max-runs (10), keeping the latest trading dates.
        clock.set(seoul("2024-11-14T10:00:00"));
        scheduler.tick();
        List<JobRun> afterMonth = awaitFinished(repository, "t-all", 14);
        assertThat(dates(afterMonth.subList(4, 14))).containsExactly(
                LocalDate.of(2024, 10, 31), LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 4),
                LocalDate.of(2024, 11, 5), LocalDate.of(2024, 11, 6), LocalDate.of(2024, 11, 7),
                LocalDate.of(2024, 11, 8), LocalDate.of(2024, 11, 11), LocalDate.of(2024, 11, 12),
                LocalDate.of(2024, 11, 13));
        assertThat(runs(repository, "t-none")).isEmpty();
    }

    @Test
    void aFailedUpstreamSkipsItsDependentsWithTheReasonAndASuccessRunsThem() throws SQLException {
        reset(actions, "t-upstream", "t-dependent", "t-second");
        actions.set("t-upstream", ctx -> JobOutcome.failed(0, "KRX answered 403"));
        clock.set(seoul("2024-10-10T16:00:00"));
        scheduler.tick();
        clock.set(seoul("2024-10-10T17:00:02"));
        scheduler.tick();

        assertThat(awaitFinished(repository, "t-upstream", 1).getFirst().status()).isEqualTo(RunStatus.FAILED);
        JobRun skipped = awaitFinished(repository, "t-dependent", 1).getFirst();
        assertThat(skipped.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(skipped.logicalDate()).isEqualTo(LocalDate.of(2024, 10, 10));
        assertThat(skipped.error()).contains("upstream t-upstream failed for 2024-10-10", "KRX answered 403");
        JobRun transitive = awaitFinished(repository, "t-second", 1).getFirst();
        assertThat(transitive.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(transitive.error()).contains("t-dependent skipped");
        assertThat(actions.calls("t-dependent")).isEmpty();
        await().atMost(JobsTestSupport.WAIT).untilAsserted(() -> assertThat(MlServiceStub.server().findAll(
                postRequestedFor(urlEqualTo(MlServiceStub.WEBHOOK_PATH))
                        .withRequestBody(containing("*t-dependent* skipped for 2024-10-10")))).hasSize(1));

        // The upstream is fixed and re-run by hand: its dependents now run for the same date.
        actions.set("t-upstream", ctx -> JobOutcome.succeeded(42));
        clock.advance(Duration.ofMinutes(5));
        runner.submit(catalog.find("t-upstream").orElseThrow(), LocalDate.of(2024, 10, 10), RunTrigger.MANUAL, null);
        JobRun ran = awaitFinished(repository, "t-dependent", 2).get(1);
        assertThat(ran.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ran.trigger()).isEqualTo(RunTrigger.DEPENDENCY);
        assertThat(ran.logicalDate()).isEqualTo(LocalDate.of(2024, 10, 10));
        assertThat(awaitFinished(repository, "t-second", 2).get(1).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(actions.calls("t-dependent")).containsExactly(LocalDate.of(2024, 10, 10));
    }

    @Test
    void aRunPastItsTimeoutIsFailedAndItsWorkCancelled() throws SQLException {
        reset(actions, "t-slow");
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        actions.set("t-slow", ctx -> {
            started.set(true);
            try {
                never.await();
                return JobOutcome.succeeded(1);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        });
        try {
            clock.set(seoul("2024-10-10T11:59:00"));
            scheduler.tick();
            clock.set(seoul("2024-10-10T12:00:01"));
            scheduler.tick();
            await().atMost(JobsTestSupport.WAIT).untilTrue(started);

            clock.advance(Duration.ofMinutes(9));
            scheduler.tick();
            assertThat(runs(repository, "t-slow").getFirst().status()).isEqualTo(RunStatus.RUNNING);

            clock.advance(Duration.ofMinutes(2));
            scheduler.tick();
            JobRun failed = awaitFinished(repository, "t-slow", 1).getFirst();
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.error()).startsWith("timed out after PT10M");
            await().atMost(JobsTestSupport.WAIT).untilTrue(interrupted);
        } finally {
            actions.reset("t-slow");
        }
    }

    @Test
    void aFailingAttemptIsRetriedWithinTheSameRun() throws SQLException {
        reset(actions, "t-daily");
        AtomicInteger attempts = new AtomicInteger();
        actions.set("t-daily", ctx -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("source busy");
            }
            return JobOutcome.succeeded(7);
        });
        runner.submit(catalog.find("t-daily").orElseThrow(), LocalDate.of(2024, 10, 10), RunTrigger.MANUAL, null);
        JobRun run = awaitFinished(repository, "t-daily", 1).getFirst();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.attempts()).isEqualTo(3);
        assertThat(run.records()).isEqualTo(7);
        assertThat(run.trigger()).isEqualTo(RunTrigger.MANUAL);
    }

    @Test
    void aRunLeftRunningByADeadProcessIsAbandonedAndRunAgain() throws SQLException {
        reset(actions, "t-daily");
        clock.set(seoul("2024-10-10T17:00:00"));
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO ops.job_runs (job_name, logical_date, trigger, status, started_at, instance_id)
                        VALUES ('t-daily', DATE '2024-10-10', 'schedule', 'running', ?, 'dead-host/4242')""")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofMinutes(30))));
            ps.executeUpdate();
        }

        recovery.recover();

        List<JobRun> runs = awaitFinished(repository, "t-daily", 2);
        assertThat(runs.getFirst().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(runs.getFirst().error()).contains("dead-host/4242");
        assertThat(runs.get(1).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.get(1).trigger()).isEqualTo(RunTrigger.CATCH_UP);
        assertThat(runs.get(1).logicalDate()).isEqualTo(LocalDate.of(2024, 10, 10));
    }
}
