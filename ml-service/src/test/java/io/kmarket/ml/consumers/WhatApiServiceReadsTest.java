package io.kmarket.ml.consumers;

import static io.kmarket.ml.consumers.ProblemAnswer.assertProblem;
import static io.kmarket.ml.support.InternalApi.internal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.ml.support.MarketSeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * ml-service's side of what api-service reads from its report API (its MlReportsClient, ReportsResource and the
 * stubs of its ReportsForwardingTest): the 202 of a request with {@code id}, {@code status: pending} and a Location;
 * a report as JSON and, once done, as an HTML page; and the problems the API relays to its clients with their
 * detail (404 unknown stock, 409 not finished; 429 queue full is pinned by ReportQueueFullTest) or hides (401).
 */
@QuarkusTest
class WhatApiServiceReadsTest {

    @BeforeAll
    static void seed() throws SQLException {
        MarketSeed.stock("API001", "에이피아이", "Api Co");
        MarketSeed.insert(MarketSeed.randomWalk("API001", LocalDate.of(2011, 1, 3), 60, 7, 0, 0));
        MarketSeed.stock("API002", "대기중", "Waiting Co");
    }

    @Test
    void aRequestIsAccepted202WithTheIdPendingAndALocation() {
        ExtractableResponse<Response> accepted = internal().body("{\"code\":\"API001\",\"asOf\":\"2011-03-25\"}")
                .post("/internal/reports")
                .then().statusCode(202).contentType(startsWith("application/json"))
                .body("status", equalTo("pending"))
                .extract();

        assertThat(accepted.jsonPath().getMap("")).containsOnlyKeys("id", "status");
        String id = UUID.fromString(accepted.path("id")).toString();
        // Absolute, as JAX-RS resolves it against the request.
        assertThat(accepted.header("Location")).startsWith("http").endsWith("/internal/reports/" + id);
    }

    @Test
    void aDoneReportIsJsonWithItsContentAndAnHtmlPage() {
        String id = internal().body("{\"code\":\"API001\"}").post("/internal/reports")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> internal().get("/internal/reports/" + id).path("status"), s -> !"pending".equals(s)
                        && !"running".equals(s));

        Map<String, Object> report = internal().get("/internal/reports/" + id)
                .then().statusCode(200).contentType(startsWith("application/json"))
                .extract().jsonPath().getMap("");

        assertThat(report).containsKeys("id", "code", "asOf", "status", "requestedAt", "finishedAt", "report", "error");
        assertThat(report).containsEntry("id", id).containsEntry("code", "API001").containsEntry("status", "done");
        assertThat(report.get("report")).isInstanceOf(Map.class);
        internal().get("/internal/reports/" + id + "/html")
                .then().statusCode(200)
                .contentType(allOf(startsWith("text/html"), containsStringIgnoringCase("charset=UTF-8")));
    }

    @Test
    void anUnfinishedReportsHtmlIsA409ProblemWithADetail() throws SQLException {
        UUID pending = UUID.randomUUID();
        MarketSeed.execute("INSERT INTO analytics.reports (id, code, status) VALUES ('" + pending + "', 'API002',"
                + " 'pending')");

        assertProblem(internal().get("/internal/reports/" + pending + "/html").then(), 409, "Conflict",
                "report " + pending + " is pending; poll /internal/reports/" + pending);
    }

    @Test
    void anUnknownStockIsA404ProblemWithADetail() {
        assertProblem(internal().body("{\"code\":\"000001\"}").post("/internal/reports").then(), 404, "Not Found",
                "no listed stock 000001");
        internal().get("/internal/reports/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRefusedTokenIsA401ProblemTheApiLogsAndNeverRelays() {
        ValidatableResponse refused = given().contentType("application/json").body("{\"code\":\"API001\"}")
                .post("/internal/reports").then();
        assertProblem(refused, 401, "Unauthorized",
                "Internal endpoints require the service token in the X-Internal-Token header")
                .body("instance", equalTo("/internal/reports"));
    }
}
