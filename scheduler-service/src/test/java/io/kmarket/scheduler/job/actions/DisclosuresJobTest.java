package io.kmarket.scheduler.job.actions;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.awaitFinished;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.kmarket.scheduler.collect.DartStub;
import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.UpstreamStub;
import io.kmarket.scheduler.job.JobsTestSupport;
import io.kmarket.scheduler.job.TestActions;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/** The scheduled disclosures job over days: a filing accepted after the day's last run is still stored. */
@QuarkusTest
class DisclosuresJobTest {

    private static final LocalDate DAY = LocalDate.of(2024, 10, 15);
    private static final String EARLY = "20241015000013";
    /** Accepted at 22:30, after the job's last run of the day (07:00-20:00 every 10 minutes). */
    private static final String LATE = "20241015000884";

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

    @BeforeEach
    void cleanSlate() throws SQLException {
        reset(actions, "disclosures");
        Db.execute("DELETE FROM market.disclosures WHERE receipt_date BETWEEN '2024-10-01' AND '2024-10-31'",
                // As left by the morning pass of DAY: every day before it is complete.
                "DELETE FROM ops.collection_watermarks WHERE site_code = 'DART'",
                "INSERT INTO ops.collection_watermarks (site_code, dataset, scope, watermark)"
                        + " VALUES ('DART', 'DISCLOSURES', '', '2024-10-14')");
    }

    @Test
    void aFilingAcceptedAfterTheLastRunOfItsDayIsStoredByTheNextMorningsRun() {
        var dart = UpstreamStub.server();
        // OpenDART during DAY: only the early filing exists yet.
        dart.stubFor(DartStub.list("20241015", "20241015", 1).willReturn(DartStub.json(DartStub.page(1, 1, EARLY))));
        clock.set(seoul("2024-10-15T19:50:00"));
        runner.submit(catalog.find("disclosures").orElseThrow(), DAY, RunTrigger.SCHEDULE, null);
        assertThat(awaitFinished(repository, "disclosures", 1).getFirst().status()).isEqualTo(RunStatus.SUCCEEDED);

        // The next morning: the late filing is listed under DAY; the new day has nothing yet.
        dart.stubFor(DartStub.list("20241016", "20241016", 1).willReturn(DartStub.json(
                "{\"status\":\"013\",\"message\":\"조회된 데이타가 없습니다.\"}")));
        dart.stubFor(DartStub.endpoint("list.json").atPriority(1)
                .withQueryParam("bgn_de", matching(daysUpTo(DAY))).withQueryParam("end_de", equalTo("20241016"))
                .withQueryParam("page_no", equalTo("1"))
                .willReturn(DartStub.json(DartStub.page(1, 1, EARLY, LATE))));
        clock.set(seoul("2024-10-16T07:00:00"));
        runner.submit(catalog.find("disclosures").orElseThrow(), DAY.plusDays(1), RunTrigger.SCHEDULE, null);
        assertThat(awaitFinished(repository, "disclosures", 2).get(1).status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(Db.rows("SELECT rcept_no FROM market.disclosures WHERE receipt_date = '2024-10-15'"
                + " ORDER BY rcept_no")).containsExactly(EARLY, LATE);
        // DAY now counts as complete; the runs of the new day collect only the new day again.
        assertThat(Db.rows("SELECT watermark FROM ops.collection_watermarks WHERE site_code = 'DART'"))
                .containsExactly("2024-10-15");
        dart.verify(getRequestedFor(urlPathEqualTo("/dart/api/list.json"))
                .withQueryParam("bgn_de", matching(daysUpTo(DAY))).withQueryParam("end_de", equalTo("20241016")));
    }

    @Test
    void aRunThatAsksForTheDayBeforeMidnightAndEndsAfterItLeavesTheDayOpen() {
        var dart = UpstreamStub.server();
        // The day's list is asked for at 23:59:50 and answered after midnight: what is accepted in between is not
        // in it, so the day must not count as complete.
        dart.stubFor(DartStub.list("20241015", "20241015", 1)
                .willReturn(DartStub.json(DartStub.page(1, 1, EARLY)).withFixedDelay(2_000)));
        RequestPatternBuilder listOfTheDay = getRequestedFor(urlPathEqualTo("/dart/api/list.json"))
                .withQueryParam("bgn_de", equalTo("20241015")).withQueryParam("end_de", equalTo("20241015"));
        int askedBefore = dart.findAll(listOfTheDay).size();
        clock.set(seoul("2024-10-15T23:59:50"));
        runner.submit(catalog.find("disclosures").orElseThrow(), DAY, RunTrigger.SCHEDULE, null);
        await().atMost(JobsTestSupport.WAIT).until(() -> dart.findAll(listOfTheDay).size() > askedBefore);
        clock.set(seoul("2024-10-16T00:00:05"));
        assertThat(awaitFinished(repository, "disclosures", 1).getFirst().status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(Db.rows("SELECT rcept_no FROM market.disclosures WHERE receipt_date = '2024-10-15'"))
                .containsExactly(EARLY);
        assertThat(Db.rows("SELECT watermark FROM ops.collection_watermarks WHERE site_code = 'DART'"))
                .containsExactly("2024-10-14");
    }

    /** A regex for any day in the fortnight up to {@code last}: the pass may start a margin before it. */
    private static String daysUpTo(LocalDate last) {
        return last.minusDays(14).datesUntil(last.plusDays(1))
                .map(d -> d.format(DateTimeFormatter.BASIC_ISO_DATE)).collect(Collectors.joining("|", "(", ")"));
    }
}
