package io.kmarket.ml.consumers;

import static io.kmarket.ml.consumers.ProblemAnswer.assertProblem;
import static io.kmarket.ml.support.InternalApi.internal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.ml.support.MarketSeed;
import io.kmarket.ml.support.MarketSeed.Series;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * ml-service's side of what scheduler-service reads from it (its MlRun, MlPreconditionException and the stubs of its
 * MlJobsTest): starting a run answers 202 with {@code runId}, {@code kind} and {@code status: running}; a run is
 * polled as {@code runId, kind, status, records, startedAt, finishedAt, error} with status {@code succeeded} or
 * {@code failed} at the end, timestamps ISO-8601 with an offset, {@code records} a number; "nothing to predict with"
 * is a 409 problem whose detail the scheduler records; a body it cannot accept is a 400 problem.
 */
@QuarkusTest
class WhatTheSchedulerReadsTest {

    /** Years no other test of this module seeds, trains on or predicts, so these runs change nothing they count. */
    private static final LocalDate FIRST = LocalDate.of(2010, 1, 4);
    /**
     * A window before any seeded day: training fails. It must never succeed here, since a model trained on 2009 or
     * 2010 would be one other tests' "no model yet" dates could use.
     */
    private static final String NOTHING_TO_LEARN = "{\"from\":\"2009-01-05\",\"to\":\"2009-06-30\"}";
    private static Series series;

    @BeforeAll
    static void seed() throws SQLException {
        series = MarketSeed.randomWalk("SCH001", FIRST, 80, 11, 0, 0);
        MarketSeed.insert(series);
    }

    @Test
    void startingARunAnswers202WithTheRunIdItsKindAndRunning() {
        Map<String, String> kinds = Map.of(
                "/internal/indicators/compute", "indicators",
                "/internal/predictions/train", "train",
                "/internal/predictions/evaluate", "evaluate");
        kinds.forEach((path, kind) -> {
            String body = path.endsWith("train") ? NOTHING_TO_LEARN
                    : "{\"date\":\"" + series.dates().getLast() + "\"}";
            JsonPath accepted = internal().body(body).post(path)
                    .then().statusCode(202).contentType(startsWith("application/json"))
                    .body("kind", equalTo(kind)).body("status", equalTo("running"))
                    .extract().jsonPath();
            assertThat(UUID.fromString(accepted.getString("runId"))).isNotNull();
            awaitEnd(accepted.getString("runId"));
        });
    }

    @Test
    void aSucceededRunIsPolledWithItsRecordsAndBothTimestamps() {
        String runId = internal().body("{\"date\":\"" + series.dates().getLast() + "\"}")
                .post("/internal/indicators/compute").then().statusCode(202).extract().path("runId");

        Map<String, Object> run = awaitEnd(runId);

        assertThat(run).containsOnlyKeys("runId", "kind", "status", "records", "startedAt", "finishedAt", "error");
        assertThat(run).containsEntry("runId", runId).containsEntry("kind", "indicators")
                .containsEntry("status", "succeeded").containsEntry("error", null);
        // One stock seeded on that day, so one row of indicators.
        assertThat(run.get("records")).isInstanceOf(Number.class).isEqualTo(1);
        assertThat(instant(run.get("startedAt"))).isBeforeOrEqualTo(instant(run.get("finishedAt")));
    }

    @Test
    void aFailedRunIsPolledWithItsErrorAndZeroRecords() {
        String runId = internal().body(NOTHING_TO_LEARN)
                .post("/internal/predictions/train").then().statusCode(202).extract().path("runId");

        Map<String, Object> run = awaitEnd(runId);

        assertThat(run).containsEntry("status", "failed").containsEntry("kind", "train").containsEntry("records", 0);
        assertThat(run.get("error")).isInstanceOf(String.class).asString().contains("2009-01-05");
        assertThat(instant(run.get("finishedAt"))).isNotNull();
    }

    @Test
    void predictingWithNoModelIsA409ProblemWhoseDetailSaysWhy() {
        assertProblem(internal().body("{\"date\":\"2010-03-01\"}").post("/internal/predictions/predict").then(), 409,
                "Conflict", "no direction-logreg model trained on data up to 2010-03-01: train one first");
    }

    @Test
    void aBodyWithoutTheDateIsA400Problem() {
        assertProblem(internal().body("{}").post("/internal/predictions/evaluate").then(), 400, "Bad Request",
                "give \"date\" (YYYY-MM-DD)");
    }

    private static Map<String, Object> awaitEnd(String runId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"running".equals(internal().get("/internal/runs/" + runId).path("status")));
        return internal().get("/internal/runs/" + runId)
                .then().statusCode(200).contentType(startsWith("application/json"))
                .extract().jsonPath().getMap("");
    }

    /** As the scheduler's MlRun reads it: an instant, whatever offset ml-service writes. */
    private static OffsetDateTime instant(Object timestamp) {
        assertThat(timestamp).isInstanceOf(String.class);
        return OffsetDateTime.parse((String) timestamp);
    }
}
