package io.kmarket.scheduler.job.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.awaitFinished;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.kmarket.scheduler.MlServiceStub;
import io.kmarket.scheduler.alert.AlertDispatcher;
import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.job.JobsTestSupport;
import io.kmarket.scheduler.job.TestActions;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/** Alerts: one per stable cause, delivered through the outbox with retries, and new data-quality findings. */
@QuarkusTest
class AlertsTest {

    private static final String JOB = "t-slow";

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
    @Inject
    AlertDispatcher dispatcher;

    @BeforeEach
    void cleanSlate() throws SQLException {
        reset(actions, JOB, "data-quality");
        MlServiceStub.reset();
        clock.set(seoul("2024-11-05T12:00:00"));
    }

    @AfterEach
    void healthyWebhook() {
        MlServiceStub.reset();
    }

    @Test
    void anIdenticalFailureRepeatingIsPostedOnceUntilTheJobRecovers() {
        LocalDate date = LocalDate.of(2024, 11, 5);
        // What a collection job reports: the run id and the counts change from run to run, the cause does not.
        actions.set(JOB, ctx -> JobOutcome.failed(0, "collection run " + UUID.randomUUID() + ": "
                + (1 + (int) (Math.random() * 3)) + " of 6 tasks failed, 0 skipped (see ops.fetch_execution_logs)"));
        for (int run = 1; run <= 5; run++) {
            runner.submit(catalog.find(JOB).orElseThrow(), date, RunTrigger.SCHEDULE, null);
            awaitFinished(repository, JOB, run);
            clock.advance(Duration.ofMinutes(1));
        }
        dispatcher.dispatch();
        assertThat(posts("*" + JOB + "* failed for 2024-11-05")).isEqualTo(1);

        // Recovered, then failing the same way again: that is news.
        actions.set(JOB, ctx -> JobOutcome.succeeded(1));
        runner.submit(catalog.find(JOB).orElseThrow(), date, RunTrigger.SCHEDULE, null);
        awaitFinished(repository, JOB, 6);
        actions.set(JOB, ctx -> JobOutcome.failed(0, "collection run " + UUID.randomUUID() + ": 2 of 6 tasks failed"));
        runner.submit(catalog.find(JOB).orElseThrow(), date, RunTrigger.SCHEDULE, null);
        awaitFinished(repository, JOB, 7);
        dispatcher.dispatch();
        await().atMost(JobsTestSupport.WAIT).until(() -> posts("*" + JOB + "* failed for 2024-11-05") == 2);
    }

    @Test
    void aFailedPostIsRetriedWithBackOffUntilDelivered() {
        String failure = "webhook-retry " + UUID.randomUUID();
        var webhook = MlServiceStub.server();
        // Down for three attempts, more than any in-call retry would cover.
        for (String[] step : new String[][] {{Scenario.STARTED, "1"}, {"1", "2"}, {"2", "up"}}) {
            webhook.stubFor(post(urlEqualTo(MlServiceStub.WEBHOOK_PATH)).atPriority(1).inScenario("down")
                    .whenScenarioStateIs(step[0]).willSetStateTo(step[1])
                    .willReturn(aResponse().withStatus(503).withBody("upstream connect error")));
        }
        actions.set(JOB, ctx -> JobOutcome.failed(0, failure));
        runner.submit(catalog.find(JOB).orElseThrow(), LocalDate.of(2024, 11, 5), RunTrigger.SCHEDULE, null);
        awaitFinished(repository, JOB, 1);
        await().atMost(JobsTestSupport.WAIT).until(() -> attempts(failure) == 1);

        // Not before its time; then 30 s, 60 s, 120 s apart.
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(attempts(failure)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(31));
        assertThat(dispatcher.dispatch()).isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(attempts(failure)).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(attempts(failure)).isEqualTo(3);
        clock.advance(Duration.ofSeconds(121));
        assertThat(dispatcher.dispatch()).isEqualTo(1);

        assertThat(posts(failure)).isEqualTo(4);
        assertThat(Db.rows("SELECT state, attempts, sent_at IS NOT NULL FROM ops.alert_outbox"
                + " WHERE text LIKE '%" + failure + "%'")).containsExactly("sent|4|t");
    }

    @Test
    void dataQualityFindingsAlertOncePerDateAndCheck() {
        // A trading day without a single stored price: the data-quality job finds it.
        LocalDate date = LocalDate.of(2016, 3, 2);
        Db.execute("DELETE FROM ops.data_quality_issues WHERE trade_date IN ('2016-03-02', '2016-03-03')",
                "DELETE FROM ops.alerted_findings WHERE trade_date IN ('2016-03-02', '2016-03-03')");
        for (int run = 1; run <= 2; run++) {
            runner.submit(catalog.find("data-quality").orElseThrow(), date, RunTrigger.SCHEDULE, null);
            awaitFinished(repository, "data-quality", run);
            dispatcher.dispatch();
        }
        // Three stocks of one check, as a gap check writes them: one post, not three.
        Db.execute("""
                INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail) VALUES
                ('2016-03-03', 'series-gap', '005930', 'no price on the previous trading day 2016-03-02'),
                ('2016-03-03', 'series-gap', '000660', 'no price on the previous trading day 2016-03-02'),
                ('2016-03-03', 'series-gap', '035420', 'no price on the previous trading day 2016-03-02')""");
        dispatcher.dispatch();
        dispatcher.dispatch();

        await().atMost(JobsTestSupport.WAIT).untilAsserted(() -> {
            assertThat(posts("*no-prices* for 2016-03-02")).isEqualTo(1);
            assertThat(posts("*series-gap* for 2016-03-03: 3 new findings")).isEqualTo(1);
        });
        assertThat(MlServiceStub.server().findAll(postRequestedFor(urlEqualTo(MlServiceStub.WEBHOOK_PATH))
                .withRequestBody(containing("*series-gap* for 2016-03-03"))).getFirst().getBodyAsString())
                .contains("005930", "000660", "035420");
    }

    private static int posts(String text) {
        return MlServiceStub.server().findAll(postRequestedFor(urlEqualTo(MlServiceStub.WEBHOOK_PATH))
                .withRequestBody(containing(text))).size();
    }

    private static long attempts(String text) {
        return Db.count("SELECT coalesce(max(attempts), 0) FROM ops.alert_outbox WHERE text LIKE '%" + text + "%'");
    }
}
