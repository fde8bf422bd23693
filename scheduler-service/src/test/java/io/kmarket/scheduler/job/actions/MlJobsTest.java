package io.kmarket.scheduler.job.actions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.awaitFinished;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.kmarket.scheduler.MlServiceStub;
import io.kmarket.scheduler.job.JobsTestSupport;
import io.kmarket.scheduler.job.TestActions;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobDefinition;
import io.kmarket.scheduler.job.engine.JobRun;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.testing.InternalToken;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/** The ml jobs against ml-service's internal API (stubbed over HTTP in the contract's format). */
@QuarkusTest
class MlJobsTest {

    private static final LocalDate DATE = LocalDate.of(2024, 10, 10);

    @Inject
    MovingClock clock;
    @Inject
    JobRunner runner;
    @Inject
    JobCatalog catalog;
    @Inject
    JobRunStore repository;
    @Inject
    TestActions actions;

    private WireMockServer ml;

    @BeforeEach
    void cleanSlate() throws SQLException {
        reset(actions, "indicators", "predictions", "evaluation", "model-training");
        MlServiceStub.reset();
        ml = MlServiceStub.server();
        clock.set(seoul("2024-10-10T17:30:00"));
    }

    @Test
    void indicatorsFollowTheirMlRunAndPredictionsFollowIndicators() {
        stubStart("/internal/indicators/compute", "run-ind", "indicators");
        stubRunSequence("run-ind", "indicators", 2450);
        stubStart("/internal/predictions/predict", "run-pred", "predict");
        stubRunSequence("run-pred", "predict", 812);

        runner.submit(catalog.find("indicators").orElseThrow(), DATE, RunTrigger.MANUAL, null);

        JobRun indicators = awaitFinished(repository, "indicators", 1).getFirst();
        assertThat(indicators.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(indicators.records()).isEqualTo(2450);
        JobRun predictions = awaitFinished(repository, "predictions", 1).getFirst();
        assertThat(predictions.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(predictions.trigger()).isEqualTo(RunTrigger.DEPENDENCY);
        assertThat(predictions.logicalDate()).isEqualTo(DATE);
        assertThat(predictions.records()).isEqualTo(812);

        ml.verify(1, postRequestedFor(urlEqualTo("/internal/indicators/compute"))
                .withHeader(InternalToken.HEADER, equalTo(InternalToken.TEST_TOKEN))
                .withRequestBody(equalToJson("{\"date\":\"2024-10-10\"}")));
        ml.verify(2, getRequestedFor(urlEqualTo("/internal/runs/run-ind")));
    }

    @Test
    void modelTrainingLearnsFromTheYearEndingOnItsLogicalDateOnly() {
        stubStart("/internal/predictions/train", "run-train", "train");
        stubRunSequence("run-train", "train", 61_000);

        runner.submit(catalog.find("model-training").orElseThrow(), DATE, RunTrigger.MANUAL, null);

        JobRun training = awaitFinished(repository, "model-training", 1).getFirst();
        assertThat(training.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(training.records()).isEqualTo(61_000);
        ml.verify(1, postRequestedFor(urlEqualTo("/internal/predictions/train"))
                .withRequestBody(equalToJson("{\"from\":\"2023-10-10\",\"to\":\"2024-10-10\"}")));
    }

    @Test
    void aFailedMlRunFailsTheJobAndTheSameFailureIsNotifiedOnce() {
        stubStart("/internal/predictions/evaluate", "run-eval", "evaluate");
        ml.stubFor(get(urlEqualTo("/internal/runs/run-eval")).willReturn(json(200, """
                {"runId":"run-eval","kind":"evaluate","status":"failed","records":0,
                 "startedAt":"2024-10-10T08:30:00Z","finishedAt":"2024-10-10T08:30:01Z",
                 "error":"no predictions for 2024-10-10"}""")));
        JobDefinition evaluation = catalog.find("evaluation").orElseThrow();

        runner.submit(evaluation, DATE, RunTrigger.MANUAL, null);
        JobRun failed = awaitFinished(repository, "evaluation", 1).getFirst();
        runner.submit(evaluation, DATE, RunTrigger.MANUAL, null);
        awaitFinished(repository, "evaluation", 2);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.error()).contains("run-eval failed", "no predictions for 2024-10-10");
        await().atMost(JobsTestSupport.WAIT).untilAsserted(() -> ml.verify(1,
                postRequestedFor(urlEqualTo(MlServiceStub.WEBHOOK_PATH))
                        .withRequestBody(matchingJsonPath("$.text", containing("no predictions")))));
        String text = ml.findAll(postRequestedFor(urlEqualTo(MlServiceStub.WEBHOOK_PATH))
                .withRequestBody(containing("no predictions"))).getFirst().getBodyAsString();
        assertThat(text).contains("evaluation", "failed", "2024-10-10", "no predictions for 2024-10-10");
    }

    @Test
    void aPredictionNoModelCanServeYetIsSkippedWithTheReasonOnceNeitherRetriedNorNotified() {
        ml.stubFor(post(urlEqualTo("/internal/predictions/predict")).willReturn(json(409, """
                {"type":"about:blank","title":"Conflict","status":409,
                 "detail":"no direction-logreg model trained on data up to 2024-10-10: train one first"}""")
                .withHeader("Content-Type", "application/problem+json")));

        runner.submit(catalog.find("predictions").orElseThrow(), DATE, RunTrigger.MANUAL, null);

        JobRun skipped = awaitFinished(repository, "predictions", 1).getFirst();
        assertThat(skipped.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(skipped.attempts()).isEqualTo(1);
        assertThat(skipped.error()).isEqualTo(
                "ml-service: no direction-logreg model trained on data up to 2024-10-10: train one first");
        ml.verify(1, postRequestedFor(urlEqualTo("/internal/predictions/predict")));
        // Only about this job: another test's failure notification may still be on its way to the shared stub.
        ml.verify(0, postRequestedFor(urlEqualTo(MlServiceStub.WEBHOOK_PATH))
                .withRequestBody(containing("*predictions*")));
    }

    @Test
    void anMlServiceRejectingTheRequestFailsTheRun() {
        ml.stubFor(post(urlEqualTo("/internal/predictions/evaluate")).willReturn(json(400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"give \\"date\\" (YYYY-MM-DD)"}""")
                .withHeader("Content-Type", "application/problem+json")));

        runner.submit(catalog.find("evaluation").orElseThrow(), DATE, RunTrigger.MANUAL, null);

        JobRun failed = awaitFinished(repository, "evaluation", 1).getFirst();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("400");
    }

    private void stubStart(String path, String runId, String kind) {
        ml.stubFor(post(urlEqualTo(path)).willReturn(json(202,
                "{\"runId\":\"" + runId + "\",\"kind\":\"" + kind + "\",\"status\":\"running\"}")));
    }

    /** First poll: still running; second: succeeded with the given records. */
    private void stubRunSequence(String runId, String kind, long records) {
        String scenario = "run " + runId;
        ml.stubFor(get(urlEqualTo("/internal/runs/" + runId)).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"runId\":\"" + runId + "\",\"kind\":\"" + kind + "\",\"status\":\"running\","
                        + "\"records\":0,\"startedAt\":\"2024-10-10T08:30:00Z\",\"finishedAt\":null,\"error\":null}"))
                .willSetStateTo("done"));
        ml.stubFor(get(urlEqualTo("/internal/runs/" + runId)).inScenario(scenario).whenScenarioStateIs("done")
                .willReturn(json(200, "{\"runId\":\"" + runId + "\",\"kind\":\"" + kind + "\",\"status\":\"succeeded\","
                        + "\"records\":" + records + ",\"startedAt\":\"2024-10-10T08:30:00Z\","
                        + "\"finishedAt\":\"2024-10-10T08:31:00Z\",\"error\":null}")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
