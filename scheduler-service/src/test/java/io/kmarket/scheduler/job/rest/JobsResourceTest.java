package io.kmarket.scheduler.job.rest;

import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.awaitFinished;
import static io.kmarket.scheduler.job.JobsTestSupport.dates;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static io.kmarket.scheduler.job.JobsTestSupport.runs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.job.JobsTestSupport;
import io.kmarket.scheduler.job.TestActions;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.scheduler.job.engine.JobRun;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobScheduler;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.testing.InternalToken;
import io.kmarket.testing.MovingClock;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** /internal/jobs: list, next fire time, trigger, pause/resume, runs with filters, backfill, bad input. */
@QuarkusTest
class JobsResourceTest {

    @Inject
    MovingClock clock;
    @Inject
    JobScheduler scheduler;
    @Inject
    JobRunStore repository;
    @Inject
    TestActions actions;

    private static RequestSpecification internal() {
        return given().header(InternalToken.HEADER, InternalToken.TEST_TOKEN);
    }

    @Test
    void listsTheCatalogueWithWiringAndTheNextFireTimeOnTheTradingCalendar() throws SQLException {
        reset(actions, "t-daily");
        clock.set(seoul("2024-09-13T17:00:00"));
        internal().get("/internal/jobs").then().statusCode(200)
                .body("name", hasItems("listings", "daily-collection", "disclosures", "quotes", "corp-codes",
                        "indicators", "predictions", "evaluation", "data-quality", "raw-payload-expiry"))
                .body("find { it.name == 'daily-collection' }.wired", equalTo(true))
                .body("find { it.name == 't-disabled' }.enabled", equalTo(false))
                .body("find { it.name == 'daily-collection' }.schedule", equalTo("cron 0 30 16 * * ?"))
                .body("find { it.name == 'indicators' }.after", equalTo(List.of("corporate-actions")))
                .body("find { it.name == 'corporate-actions' }.after", equalTo(List.of("daily-collection")))
                .body("find { it.name == 'data-quality' }.wired", equalTo(true));

        // Friday 17:00: the weekend and Chuseok (16th-18th) are skipped.
        String next = internal().get("/internal/jobs/t-daily").then().statusCode(200)
                .extract().path("nextFireTime");
        assertThat(OffsetDateTime.parse(next).toInstant())
                .isEqualTo(ZonedDateTime.parse("2024-09-19T16:30:00+09:00[Asia/Seoul]").toInstant());
    }

    @Test
    void aPausedJobDoesNotFireUntilResumed() throws SQLException {
        reset(actions, "t-daily");
        clock.set(seoul("2024-10-10T16:00:00"));
        scheduler.tick();
        internal().post("/internal/jobs/t-daily/pause").then().statusCode(200).body("paused", equalTo(true));
        clock.set(seoul("2024-10-10T16:30:02"));
        scheduler.tick();
        assertThat(runs(repository, "t-daily")).isEmpty();

        internal().post("/internal/jobs/t-daily/resume").then().statusCode(200).body("paused", equalTo(false));
        clock.set(seoul("2024-10-11T16:30:02"));
        scheduler.tick();
        assertThat(dates(awaitFinished(repository, "t-daily", 1))).containsExactly(LocalDate.of(2024, 10, 11));
    }

    /**
     * What a restarted process would find: the pause lives only in ops.job_state (no copy in memory), so a row
     * written by another process is what this one reports and obeys. (A real restart cannot be tested here:
     * each Quarkus test application of a run gets a database of its own.)
     */
    @Test
    void thePauseIsReadFromTheDatabaseSoItSurvivesARestart() throws SQLException {
        reset(actions, "t-none");
        clock.set(seoul("2024-10-10T16:00:00"));
        scheduler.tick();
        internal().post("/internal/jobs/t-none/pause").then().statusCode(200);
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT paused FROM ops.job_state WHERE job_name = 't-none'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            // Another process (the previous run of this service, say) resumes and pauses again, directly.
            c.createStatement().executeUpdate("UPDATE ops.job_state SET paused = false WHERE job_name = 't-none'");
            internal().get("/internal/jobs/t-none").then().body("paused", equalTo(false));
            c.createStatement().executeUpdate("UPDATE ops.job_state SET paused = true WHERE job_name = 't-none'");
        }
        internal().get("/internal/jobs/t-none").then().body("paused", equalTo(true));
        clock.set(seoul("2024-10-10T16:30:02"));
        scheduler.tick();
        assertThat(runs(repository, "t-none")).isEmpty();
        reset(actions, "t-none");
    }

    @Test
    void triggerRunsNowAndRunsAreFiltered() throws SQLException {
        reset(actions, "t-all");
        internal().queryParam("date", "2024-10-10").post("/internal/jobs/t-all/trigger").then().statusCode(202)
                .body("date", equalTo("2024-10-10")).body("trigger", equalTo("manual"));
        awaitFinished(repository, "t-all", 1);

        internal().queryParam("job", "t-all").queryParam("status", "succeeded").queryParam("trigger", "manual")
                .queryParam("from", "2024-10-10").queryParam("to", "2024-10-10")
                .get("/internal/jobs/runs").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].logicalDate", equalTo("2024-10-10"))
                .body("[0].status", equalTo("succeeded")).body("[0].records", equalTo(1));
        internal().get("/internal/jobs/t-all").then().body("lastRun.status", equalTo("succeeded"));
    }

    @Test
    void cancelStopsTheRunningRunAndRecordsWhy() throws SQLException {
        reset(actions, "t-all");
        CountDownLatch started = new CountDownLatch(1);
        actions.set("t-all", ctx -> {
            started.countDown();
            Thread.sleep(Duration.ofMinutes(5));
            return JobOutcome.succeeded(1);
        });
        internal().queryParam("date", "2024-10-10").post("/internal/jobs/t-all/trigger").then().statusCode(202);
        await().atMost(JobsTestSupport.WAIT).until(() -> started.getCount() == 0);

        internal().post("/internal/jobs/t-all/cancel").then().statusCode(200).body("running", equalTo(false));

        JobRun cancelled = awaitFinished(repository, "t-all", 1).getFirst();
        assertThat(cancelled.status()).isEqualTo(RunStatus.FAILED);
        assertThat(cancelled.error()).isEqualTo("cancelled: by operator");
        internal().post("/internal/jobs/t-all/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("no run in progress"));
    }

    @Test
    void badRequestsAnswerProblems() {
        internal().queryParam("status", "exploded").get("/internal/jobs/runs").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("status"));
        internal().queryParam("from", "2024-13-01").get("/internal/jobs/runs").then().statusCode(400)
                .body("detail", containsString("from"));
        internal().queryParam("limit", "0").get("/internal/jobs/runs").then().statusCode(400);
        internal().post("/internal/jobs/no-such-job/trigger").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-job"));
        internal().post("/internal/jobs/t-disabled/trigger").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("disabled"));
        internal().contentType(ContentType.JSON).body("{\"from\":\"2024-10-11\",\"to\":\"2024-10-01\"}")
                .post("/internal/jobs/t-all/backfill").then().statusCode(400);
        internal().queryParam("date", "yesterday").post("/internal/jobs/t-all/trigger").then().statusCode(400)
                .body("detail", containsString("date"));
    }

    @Test
    void backfillRunsEachTradingDateOnceSkippingDatesThatSucceeded() throws SQLException {
        reset(actions, "t-all");
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser()) {
            c.createStatement().executeUpdate("""
                    INSERT INTO ops.job_runs (job_name, logical_date, trigger, status, ended_at) VALUES
                      ('t-all', DATE '2024-10-02', 'schedule', 'succeeded', now()),
                      ('t-all', DATE '2024-10-07', 'schedule', 'succeeded', now())""");
        }
        int id = internal().contentType(ContentType.JSON).body("{\"from\":\"2024-10-01\",\"to\":\"2024-10-11\"}")
                .post("/internal/jobs/t-all/backfill").then().statusCode(202)
                .header("Location", containsString("/internal/jobs/backfills/"))
                .extract().path("id");
        // The leader's tick starts backfills (its periodic trigger is off in tests).
        scheduler.tick();

        await().atMost(JobsTestSupport.WAIT).untilAsserted(() -> internal().get("/internal/jobs/backfills/" + id)
                .then().body("status", equalTo("done")).body("datesTotal", equalTo(6))
                .body("datesDone", equalTo(6)));
        // Trading days of the range: 2, 4, 7, 8, 10, 11 (1st, 3rd and 9th closed); 2 and 7 had succeeded.
        assertThat(actions.calls("t-all")).containsExactly(LocalDate.of(2024, 10, 4), LocalDate.of(2024, 10, 8),
                LocalDate.of(2024, 10, 10), LocalDate.of(2024, 10, 11));
        assertThat(runs(repository, "t-all")).filteredOn(run -> run.trigger() == RunTrigger.BACKFILL).hasSize(4);
    }
}
