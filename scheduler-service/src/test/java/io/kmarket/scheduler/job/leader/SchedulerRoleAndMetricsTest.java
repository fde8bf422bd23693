package io.kmarket.scheduler.job.leader;

import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static io.kmarket.scheduler.job.JobsTestSupport.runs;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.job.JobsTestSupport;
import io.kmarket.scheduler.job.TestActions;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.quarkus.test.junit.QuarkusTest;

/** The role in /q/health and the jobs' Prometheus metrics. */
@QuarkusTest
class SchedulerRoleAndMetricsTest {

    @Inject
    JobRunner runner;
    @Inject
    JobCatalog catalog;
    @Inject
    JobRunStore repository;
    @Inject
    TestActions actions;

    @Test
    void theOnlyInstanceLeadsAndSaysSo() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'scheduler-role' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'scheduler-role' }.data.role", equalTo("leader"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kmarket_scheduler_leader 1.0"))
                .body(containsString("kmarket_job_last_success_seconds{job=\"data-quality\"}"));
    }

    @Test
    void aRunIsCountedTimedAndMarksTheLastSuccess() throws SQLException {
        reset(actions, "t-second");
        runner.submit(catalog.find("t-second").orElseThrow(), LocalDate.of(2024, 10, 10), RunTrigger.MANUAL, null);
        await().atMost(JobsTestSupport.WAIT).until(() -> runs(repository, "t-second").stream().anyMatch(
                run -> run.trigger() == RunTrigger.MANUAL && run.status() == RunStatus.SUCCEEDED));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kmarket_job_runs_total{job=\"t-second\",status=\"succeeded\"}"))
                .body(containsString("kmarket_job_duration_seconds_bucket{job=\"t-second\",status=\"succeeded\""))
                .body(containsString("kmarket_job_duration_seconds_count{job=\"t-second\",status=\"succeeded\"}"));
    }
}
