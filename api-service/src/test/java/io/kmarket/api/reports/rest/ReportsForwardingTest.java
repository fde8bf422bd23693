package io.kmarket.api.reports.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.kmarket.api.MlServiceStub;
import io.kmarket.testing.InternalToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** POST/GET /api/v1/reports against WireMock playing ml-service: normal, 429, down and slow. */
@QuarkusTest
class ReportsForwardingTest {

    private static final String ID = "0b6f1c2e-9d0a-4a53-8f7e-2f5b6a1c9d10";
    private static final String ACCEPTED = "{\"id\":\"" + ID + "\",\"status\":\"pending\"}";
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private final WireMockServer ml = MlServiceStub.server();

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    @AfterEach
    void reset() {
        ml.resetAll();
        circuitBreakers.resetAll();
    }

    @Test
    void aReportRequestIsForwardedWithTheTokenAndAnswered202WithLocation() {
        ml.stubFor(post("/internal/reports").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", ml.baseUrl() + "/internal/reports/" + ID).withBody(ACCEPTED)));
        given().contentType("application/json").body("{\"code\":\"005930\",\"asOf\":\"2026-11-27\"}")
                .when().post("/api/v1/reports")
                .then().statusCode(202)
                .header("Location", endsWith("/api/v1/reports/" + ID))
                .body("id", org.hamcrest.Matchers.equalTo(ID))
                .body("status", org.hamcrest.Matchers.equalTo("pending"));
        ml.verify(1, postRequestedFor(urlEqualTo("/internal/reports"))
                .withHeader(InternalToken.HEADER, equalTo(InternalToken.TEST_TOKEN))
                .withRequestBody(equalToJson("{\"code\":\"005930\",\"asOf\":\"2026-11-27\"}")));
    }

    @Test
    void aReportAndItsHtmlAreRelayed() {
        String report = "{\"id\":\"" + ID + "\",\"code\":\"005930\",\"asOf\":null,\"status\":\"done\","
                + "\"requestedAt\":\"2026-11-27T09:00:00+09:00\",\"finishedAt\":\"2026-11-27T09:00:02+09:00\","
                + "\"report\":{\"company\":{\"nameKo\":\"삼성전자\"}},\"error\":null}";
        ml.stubFor(get("/internal/reports/" + ID).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(report)));
        ml.stubFor(get("/internal/reports/" + ID + "/html").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody("<html><body>삼성전자</body></html>")));
        given().when().get("/api/v1/reports/" + ID)
                .then().statusCode(200).contentType("application/json")
                .body("report.company.nameKo", org.hamcrest.Matchers.equalTo("삼성전자"));
        given().when().get("/api/v1/reports/" + ID + "/html")
                .then().statusCode(200).contentType("text/html")
                .body(org.hamcrest.Matchers.containsString("삼성전자"));
        ml.verify(getRequestedFor(urlEqualTo("/internal/reports/" + ID))
                .withHeader(InternalToken.HEADER, equalTo(InternalToken.TEST_TOKEN)));
    }

    @Test
    void mlsClientErrorsAreRelayedWithTheirDetail() {
        ml.stubFor(post("/internal/reports").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no listed stock 000001\"}")));
        ml.stubFor(get("/internal/reports/" + ID + "/html").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"report " + ID + " is running; poll"
                        + " /internal/reports/" + ID + "\"}")));
        given().contentType("application/json").body("{\"code\":\"000001\"}")
                .when().post("/api/v1/reports")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("no listed stock 000001"));
        given().when().get("/api/v1/reports/" + ID + "/html")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("report " + ID + " is running; poll /internal/reports/" + ID));
        given().when().get("/api/v1/reports/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void mlsQueueFullIsRelayedAs429WithItsRetryAfter() {
        ml.stubFor(post("/internal/reports").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "17")
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"2 reports are already waiting or being generated; retry after 17 s\"}")));
        given().contentType("application/json").body("{\"code\":\"005930\"}")
                .when().post("/api/v1/reports")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "17")
                .body("detail", org.hamcrest.Matchers.equalTo(
                        "2 reports are already waiting or being generated; retry after 17 s"));
    }

    @Test
    void mlDownIs503WithRetryAfterAndGetsAreRetriedButPostsNot() {
        ml.stubFor(post("/internal/reports").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ml.stubFor(get("/internal/reports/" + ID).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertUnavailableWithinBudget(given().contentType("application/json").body("{\"code\":\"005930\"}")
                .when().post("/api/v1/reports"));
        ml.verify(1, postRequestedFor(urlEqualTo("/internal/reports")));
        assertUnavailableWithinBudget(given().when().get("/api/v1/reports/" + ID));
        ml.verify(3, getRequestedFor(urlEqualTo("/internal/reports/" + ID)));
    }

    @Test
    void mlAnswering500Is503() {
        ml.stubFor(get("/internal/reports/" + ID).willReturn(aResponse().withStatus(500)));
        assertUnavailableWithinBudget(given().when().get("/api/v1/reports/" + ID));
    }

    @Test
    void mlSlowIs503WithinTwoSeconds() {
        ml.stubFor(post("/internal/reports").willReturn(aResponse().withStatus(202).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json").withBody(ACCEPTED)));
        ml.stubFor(get("/internal/reports/" + ID).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json").withBody(ACCEPTED)));
        assertUnavailableWithinBudget(given().contentType("application/json").body("{\"code\":\"005930\"}")
                .when().post("/api/v1/reports"));
        assertUnavailableWithinBudget(given().when().get("/api/v1/reports/" + ID));
        // A timeout is not retried: waiting again would break the budget.
        ml.verify(1, getRequestedFor(urlEqualTo("/internal/reports/" + ID)));
    }

    @Test
    void aFastFailureThenASlowRetryStillAnswersWithinTheBudget() {
        String flaky = "ml fails fast, then slowly";
        ml.stubFor(get("/internal/reports/" + ID).inScenario(flaky).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("slow"));
        ml.stubFor(get("/internal/reports/" + ID).inScenario(flaky).whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(503).withFixedDelay(1_300)).willSetStateTo("slow again"));
        ml.stubFor(get("/internal/reports/" + ID).inScenario(flaky).whenScenarioStateIs("slow again")
                .willReturn(aResponse().withStatus(200).withFixedDelay(1_300)
                        .withHeader("Content-Type", "application/json").withBody(ACCEPTED)));
        assertUnavailableWithinBudget(given().when().get("/api/v1/reports/" + ID));
    }

    @Test
    void mlsInternalRefusalsReachClientsAsANeutral502AndOnlyTheLogHasTheirDetail() {
        String tokenProblem = "{\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Internal endpoints require the service token in the X-Internal-Token header\"}";
        ml.stubFor(post("/internal/reports").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json").withBody(tokenProblem)));
        ml.stubFor(get("/internal/reports/" + ID).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":403,\"detail\":\"role kmarket_api may not read analytics.reports\"}")));
        ml.stubFor(get("/internal/reports/" + ID + "/html").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":400,\"detail\":\"body field 'asOff' has a value of the wrong type\","
                        + "\"parameter\":\"asOff\"}")));
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + List.of(
                        record.getParameters() == null ? new Object[0] : record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger gatewayLog = java.util.logging.Logger.getLogger("io.kmarket.api.reports.ml");
        gatewayLog.addHandler(capture);
        try {
            assertNeutralBadGateway(given().contentType("application/json").body("{\"code\":\"005930\"}")
                    .when().post("/api/v1/reports"));
            assertNeutralBadGateway(given().when().get("/api/v1/reports/" + ID));
            assertNeutralBadGateway(given().when().get("/api/v1/reports/" + ID + "/html"));
        } finally {
            gatewayLog.removeHandler(capture);
        }
        assertThat(String.join("\n", logged)).contains("401", "X-Internal-Token", "403", "kmarket_api", "400", "asOff");
    }

    @Test
    void anOpenCircuitAnswersAtOnceWithoutCallingMl() {
        ml.stubFor(get("/internal/reports/" + ID).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 2; i++) {
            assertUnavailableWithinBudget(given().when().get("/api/v1/reports/" + ID));
        }
        int callsWhenOpen = ml.findAll(getRequestedFor(urlEqualTo("/internal/reports/" + ID))).size();
        ml.stubFor(get("/internal/reports/" + ID).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ACCEPTED)));
        assertUnavailableWithinBudget(given().when().get("/api/v1/reports/" + ID));
        assertThat(ml.findAll(getRequestedFor(urlEqualTo("/internal/reports/" + ID)))).hasSize(callsWhenOpen);
    }

    private static void assertNeutralBadGateway(Response response) {
        response.then().statusCode(502).contentType("application/problem+json");
        assertThat(response.asString()).doesNotContainIgnoringCase("token").doesNotContain("Internal", "kmarket_api",
                "analytics", "asOff", "Unauthorized", "Forbidden", "401", "403");
    }

    private static void assertUnavailableWithinBudget(Response response) {
        response.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        assertThat(Duration.ofMillis(response.time())).isLessThan(BUDGET);
    }
}
