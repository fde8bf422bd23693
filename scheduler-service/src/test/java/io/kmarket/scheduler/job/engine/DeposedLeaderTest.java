package io.kmarket.scheduler.job.engine;

import static io.kmarket.scheduler.job.JobsTestSupport.WAIT;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static io.kmarket.scheduler.job.JobsTestSupport.runs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.store.MarketRow;
import io.kmarket.scheduler.collect.store.MarketWriter;
import io.kmarket.scheduler.fencing.CurrentTerm;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.fencing.Term;
import io.kmarket.scheduler.job.TestActions;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.leader.Leadership;
import io.kmarket.scheduler.job.leader.Takeover;
import io.kmarket.testing.InternalToken;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A deposed leader writes nothing: another instance takes the application's lock (and a new epoch) while the
 * application still works, and each of its writes, its run starts and its answers to operators are checked in
 * PostgreSQL.
 */
@QuarkusTest
class DeposedLeaderTest {

    private static final LocalDate DATE = LocalDate.of(2024, 11, 5);
    private static final String CODE = "FX0001";
    private static final List<String> JOBS = List.of("t-second", "t-slow", "t-daily");

    @Inject
    Leadership leadership;
    @Inject
    CurrentTerm term;
    @Inject
    JobsConfig config;
    @Inject
    JobRunner runner;
    @Inject
    JobCatalog catalog;
    @Inject
    JobRunStore repository;
    @Inject
    MarketWriter writer;
    @Inject
    TestActions actions;

    @BeforeEach
    void leading() throws SQLException {
        await().atMost(WAIT).until(leadership::confirmLeadership);
        reset(actions, JOBS.toArray(String[]::new));
        Db.execute("DELETE FROM market.daily_prices WHERE code = '" + CODE + "'",
                "DELETE FROM market.stocks WHERE code = '" + CODE + "'");
    }

    @AfterEach
    void leadingAgain() throws SQLException {
        await().atMost(WAIT).until(leadership::confirmLeadership);
        // The application's recovery re-runs what the deposed leader left running: stopped before cleaning up.
        reset(actions, JOBS.toArray(String[]::new));
        Db.execute("DELETE FROM market.daily_prices WHERE code = '" + CODE + "'",
                "DELETE FROM market.stocks WHERE code = '" + CODE + "'");
    }

    @Test
    void aStaleEpochStartsFinishesAndCommitsNothing() {
        Term stale = term.required();
        long runId = repository.start(stale, "t-slow", DATE, RunTrigger.MANUAL, null, "frozen", Instant.now())
                .orElseThrow();
        try (Takeover takeover = takeOver()) {
            assertThat(takeover.epoch()).isGreaterThan(stale.epoch());
            String refusal = "refused write: leadership epoch " + stale.epoch() + " superseded by "
                    + takeover.epoch() + " (held by " + Takeover.USURPER + ")";

            assertThatThrownBy(() -> repository.start(stale, "t-second", DATE, RunTrigger.SCHEDULE, null, "frozen",
                    Instant.now())).isInstanceOf(DeposedLeaderException.class).hasMessage(refusal);
            assertThatThrownBy(() -> repository.attempt(stale, runId, 1, Instant.now()))
                    .isInstanceOf(DeposedLeaderException.class);
            assertThatThrownBy(() -> repository.progress(stale, runId, 1, 2, Instant.now()))
                    .isInstanceOf(DeposedLeaderException.class);
            assertThatThrownBy(() -> repository.finish(stale, runId, RunStatus.SUCCEEDED, 7, null, null,
                    Instant.now())).isInstanceOf(DeposedLeaderException.class);
            assertThatThrownBy(() -> writer.write(stale, List.of(
                    new MarketRow.Stock(CODE, null, "펜싱", null, "KOSPI", null, null),
                    new MarketRow.DailyPrice(CODE, DATE, 100, 110, 90, 105, 1000, BigDecimal.TEN, null, null, "KRX"))))
                    .isInstanceOf(DeposedLeaderException.class).hasMessage(refusal);

            assertThat(Db.count("SELECT count(*) FROM ops.job_runs WHERE job_name = 't-second'")).isZero();
            assertThat(Db.rows("SELECT status, attempts, progress_done, records, ended_at FROM ops.job_runs"
                    + " WHERE id = " + runId)).containsExactly("running|0|null|0|null");
            assertThat(Db.count("SELECT count(*) FROM market.stocks WHERE code = '" + CODE + "'")).isZero();
            assertThat(Db.count("SELECT count(*) FROM market.daily_prices WHERE code = '" + CODE + "'")).isZero();
            takeover.handBack(leadership);
        }
        // The application's own recovery as the next leader: the frozen leader's run is abandoned, not finished.
        assertThat(Db.rows("SELECT status FROM ops.job_runs WHERE id = " + runId)).containsExactly("abandoned");
    }

    @Test
    void aTickThatConfirmedLeadershipBeforeTheStepDownStartsNothing() throws SQLException {
        JobDefinition job = catalog.find("t-second").orElseThrow();
        // The tick's confirmation ...
        assertThat(leadership.confirmLeadership()).isTrue();
        // The lock session lost, no standby has taken over yet: the epoch in the database is still this one's.
        try (Takeover takeover = Takeover.lockOnly(config.leader().lockKey())) {
            // ... then the heartbeat's step-down (detachAll) ...
            assertThat(leadership.confirmLeadership()).isFalse();
            // ... then the rest of that tick: what it decided to fire while it was leader.
            runner.submit(job, DATE, RunTrigger.SCHEDULE, Instant.now());
            runner.drainAll();
            assertThat(runner.tryStart(job, DATE.plusDays(1), RunTrigger.MANUAL, null)).isEmpty();

            assertThat(runner.isRunning("t-second")).isFalse();
            assertThat(actions.calls("t-second")).isEmpty();
            assertThat(Db.count("SELECT count(*) FROM ops.job_runs WHERE job_name = 't-second'")).isZero();
            takeover.handBack(leadership);
        }
    }

    @Test
    void aBackfillWaitingForADetachedRunDoesNotStartOneOnTheStandby() throws Exception {
        JobDefinition job = catalog.find("t-slow").orElseThrow();
        CountDownLatch started = new CountDownLatch(1);
        actions.set("t-slow", ctx -> {
            started.countDown();
            Thread.sleep(WAIT.multipliedBy(10));
            return JobOutcome.succeeded(1);
        });
        runner.submit(job, DATE, RunTrigger.MANUAL, null);
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<RunStatus> backfill = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.runAndWait(job, DATE.plusDays(1), RunTrigger.BACKFILL);
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        try (Takeover takeover = takeOver()) {
            assertThat(leadership.confirmLeadership()).isFalse();
            // What the new leader's recovery does with the deposed leader's run.
            Db.execute("UPDATE ops.job_runs SET status = 'abandoned', ended_at = now()"
                    + " WHERE job_name = 't-slow' AND status = 'running'");

            assertThat(backfill.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(RunStatus.ABANDONED);
            assertThat(actions.calls("t-slow")).containsExactly(DATE);
            assertThat(Db.rows("SELECT logical_date || ':' || status FROM ops.job_runs WHERE job_name = 't-slow'"))
                    .containsExactly(DATE + ":abandoned");
            takeover.handBack(leadership);
        }
    }

    @Test
    void aRunWhoseCommitIsRefusedEndsAbandonedWithoutRetryOrFailure() throws Exception {
        JobDefinition job = catalog.find("t-daily").orElseThrow();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch wakeUp = new CountDownLatch(1);
        actions.set("t-daily", ctx -> {
            started.countDown();
            // Frozen here while the other instance takes over; it writes what it fetched when it wakes up.
            wakeUp.await();
            writer.write(List.of(new MarketRow.Stock(CODE, null, "펜싱", null, "KOSPI", null, null)));
            return JobOutcome.succeeded(1);
        });
        runner.submit(job, DATE, RunTrigger.MANUAL, null);
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        long runId = runs(repository, "t-daily").getFirst().id();
        try (Takeover takeover = takeOver()) {
            wakeUp.countDown();
            await().atMost(WAIT).until(() -> !runner.isRunning("t-daily"));

            // t-daily has three attempts: a refused commit used none of the others, and nothing is recorded.
            assertThat(actions.calls("t-daily")).containsExactly(DATE);
            assertThat(Db.rows("SELECT status, error FROM ops.job_runs WHERE id = " + runId))
                    .containsExactly("running|null");
            assertThat(Db.count("SELECT count(*) FROM ops.job_notifications WHERE job_name = 't-daily'")).isZero();
            assertThat(Db.count("SELECT count(*) FROM market.stocks WHERE code = '" + CODE + "'")).isZero();
            takeover.handBack(leadership);
        }
    }

    @Test
    void aStandbyAnswersTriggersAndCollectionsWithTheLeader() {
        try (Takeover takeover = takeOver()) {
            assertThat(leadership.confirmLeadership()).isFalse();
            String leader = "the leader is " + Takeover.USURPER + " (epoch " + takeover.epoch() + ")";

            internal().post("/internal/jobs/t-second/trigger?date=" + DATE).then().statusCode(409)
                    .contentType("application/problem+json").body("status", equalTo(409))
                    .body("detail", containsString(leader));
            internal().contentType("application/json").body("{\"plan\":\"dailyMarket\",\"date\":\"" + DATE + "\"}")
                    .post("/internal/collect").then().statusCode(409)
                    .contentType("application/problem+json").body("status", equalTo(409))
                    .body("detail", containsString(leader));

            assertThat(Db.count("SELECT count(*) FROM ops.job_runs WHERE job_name = 't-second'")).isZero();
            takeover.handBack(leadership);
        }
    }

    private Takeover takeOver() {
        return Takeover.of(leadership, config.leader().lockKey());
    }

    private static io.restassured.specification.RequestSpecification internal() {
        return given().header(InternalToken.HEADER, InternalToken.TEST_TOKEN);
    }
}
