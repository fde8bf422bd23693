package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.kmarket.scheduler.collect.site.SiteRegistry;
import io.kmarket.testing.MovingClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** Retries, rate-limit answers, circuit breaking and live configuration, with Naver and KRX stubbed. */
@QuarkusTest
class CollectionServiceTest {

    static final LocalDate FROM = LocalDate.of(2018, 8, 1);
    static final LocalDate TO = LocalDate.of(2018, 8, 31);

    @Inject
    CollectionService collection;

    @Inject
    SiteRegistry sites;

    @Inject
    MeterRegistry meters;

    @Inject
    MovingClock clock;

    @BeforeEach
    void stubs() {
        KrxStub.install();
        Db.execute("DELETE FROM market.source_daily_prices WHERE source = 'NAVER'");
    }

    @AfterEach
    void closeNaversCircuit() {
        // A config edit keeps an open circuit; the next test starts with a closed one.
        sites.site("NAVER").orElseThrow().resetCircuit();
    }

    private static CollectionTask naver(String code) {
        return new CollectionTask("NAVER", Dataset.DAILY_CHART, code, FROM, TO);
    }

    private List<String> log(CollectionRunSummary run) {
        return Db.rows("SELECT task_key, status, attempts, error_type FROM ops.fetch_execution_logs WHERE run_id = '"
                + run.runId() + "' ORDER BY task_key");
    }

    @Test
    void theEucKrChartIsParsedAndKeptToTheRange() {
        UpstreamStub.server().stubFor(NaverStub.chart("005930").willReturn(NaverStub.samsung()));

        CollectionRunSummary run = collection.run(new CollectionPlan("naver", List.of(naver("005930"))),
                ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("""
                SELECT trade_date, open, high, low, close, volume, adjusted FROM market.source_daily_prices
                 WHERE source = 'NAVER' AND code = '005930' ORDER BY trade_date"""))
                .containsExactly("2018-08-02|46550|46800|45500|45550|8560924|t",
                        "2018-08-03|45850|45900|45450|45750|8274944|t", "2018-08-06|46150|46150|45750|45800|6771979|t",
                        "2018-08-07|46300|46750|45900|46700|9058174|t", "2018-08-08|47000|47000|46550|46800|6429338|t");
        // The test profile keeps Naver's raw answers: the EUC-KR bytes as received, for a week of the service's clock.
        assertThat(Db.rows("SELECT encode(body, 'hex') = '" + HexFormat.of().formatHex(
                UpstreamStub.sample("naver/sise_005930.xml")) + "', expires_at = '"
                + clock.instant().plus(Duration.ofDays(7)) + "'"
                + " FROM ops.raw_payloads WHERE site_code = 'NAVER' AND task_key = 'DAILY_CHART:005930:2018-08-01..2018-08-31'"
                + " ORDER BY id DESC LIMIT 1")).containsExactly("t|t");
    }

    @Test
    void aTransientFailureIsRetriedAndCounted() {
        UpstreamStub.server().stubFor(NaverStub.chart("005930").inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503)));
        UpstreamStub.server().stubFor(NaverStub.chart("005930").inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(NaverStub.samsung()));

        CollectionRunSummary run = collection.run(new CollectionPlan("flaky", List.of(naver("005930"))),
                ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(log(run)).containsExactly("DAILY_CHART:005930:2018-08-01..2018-08-31|success|2|null");
    }

    @Test
    void aClientErrorIsNotRetried() {
        UpstreamStub.server().stubFor(NaverStub.chart("000404").willReturn(aResponse().withStatus(404)));

        CollectionRunSummary run = collection.run(new CollectionPlan("404", List.of(naver("000404"))),
                ProgressListener.NONE);

        assertThat(run.tasksFailed()).isEqualTo(1);
        assertThat(log(run)).containsExactly("DAILY_CHART:000404:2018-08-01..2018-08-31|failed|1|rejected");
    }

    @Test
    void aRateLimitAnswerIsWaitedOutAndLowersTheSiteRate() {
        UpstreamStub.server().stubFor(NaverStub.chart("005930").inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("allowed")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        UpstreamStub.server().stubFor(NaverStub.chart("005930").inScenario("limited")
                .whenScenarioStateIs("allowed").willReturn(NaverStub.samsung()));
        double limitedBefore = meters.find("kmarket.collect.requests").tags("site", "NAVER", "outcome", "rate_limited")
                .counters().stream().mapToDouble(c -> c.count()).sum();

        long started = System.nanoTime();
        CollectionRunSummary run = collection.run(new CollectionPlan("limited", List.of(naver("005930"))),
                ProgressListener.NONE);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(run.allSucceeded()).isTrue();
        assertThat(elapsedMillis).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(1_000);
        assertThat(log(run)).containsExactly("DAILY_CHART:005930:2018-08-01..2018-08-31|success|2|null");
        assertThat(meters.find("kmarket.collect.requests").tags("site", "NAVER", "outcome", "rate_limited")
                .counters().stream().mapToDouble(c -> c.count()).sum()).isEqualTo(limitedBefore + 1);
        // 60/min halved, then one success gives back 2 % of 60.
        assertThat(Db.rows("""
                SELECT status, round(current_rate_per_minute::numeric, 1) FROM ops.site_health_status
                 WHERE site_code = 'NAVER'""")).containsExactly("degraded|31.2");
    }

    @Test
    void aDeadSiteOpensItsCircuitItsTasksAreSkippedAndOtherSitesFinish() {
        UpstreamStub.server().stubFor(NaverStub.chart("999999").willReturn(aResponse().withStatus(500)));
        KrxStub.answer("dbms/MDC/STAT/standard/MDCSTAT01501", Map.of("mktId", "KSQ", "trdDd", "20210301"),
                "krx/mdcstat01501_ksq_20210122.json");
        int requestsBefore = naverRequests();
        List<CollectionTask> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(new CollectionTask("NAVER", Dataset.DAILY_CHART, "999999", FROM.plusDays(i), TO));
        }
        LocalDate krxDay = LocalDate.of(2021, 3, 1);
        tasks.add(new CollectionTask("KRX", Dataset.DAILY_MARKET, "KSQ", krxDay, krxDay));

        CollectionRunSummary run = collection.run(new CollectionPlan("dead naver", tasks), ProgressListener.NONE);

        // 5 failed requests open the circuit; at most the two in flight (site concurrency) follow them.
        assertThat(naverRequests() - requestsBefore).isBetween(5, 5 + 2);
        assertThat(run.tasksSucceeded()).isEqualTo(1);
        assertThat(run.tasksFailed()).isBetween(0, 3);
        assertThat(run.tasksSkipped()).isEqualTo(8 - run.tasksFailed());
        assertThat(run.allSucceeded()).isFalse();
        assertThat(Db.count("SELECT count(*) FROM ops.fetch_execution_logs WHERE run_id = '" + run.runId()
                + "' AND status = 'skipped' AND error_type = 'circuit_open'")).isEqualTo(run.tasksSkipped());
        assertThat(Db.count("SELECT count(*) FROM market.daily_prices WHERE trade_date = '2021-03-01'")).isEqualTo(2);
        assertThat(Db.rows("SELECT status, circuit_state FROM ops.site_health_status WHERE site_code = 'NAVER'"))
                .containsExactly("failed|OPEN");
        assertThat(meters.find("kmarket.collect.circuit.state").tag("site", "NAVER").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void deactivatingASiteTakesEffectWithoutARestart() {
        UpstreamStub.server().stubFor(NaverStub.chart("005930").willReturn(NaverStub.samsung()));
        Db.execute("UPDATE ops.sites SET active = false WHERE code = 'NAVER'");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> collection.run(
                    new CollectionPlan("inactive", List.of(naver("005930"))), ProgressListener.NONE)
                    .tasksSkipped() == 1);
        } finally {
            Db.execute("UPDATE ops.sites SET active = true WHERE code = 'NAVER'");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> collection.run(
                new CollectionPlan("active again", List.of(naver("005930"))), ProgressListener.NONE)
                .allSucceeded());
    }

    @Test
    void interruptingTheCallerCancelsTheRunningTasks() throws InterruptedException {
        UpstreamStub.server().stubFor(NaverStub.chart("777777").willReturn(NaverStub.samsung().withFixedDelay(8_000)));
        int requestsBefore = naverRequests();
        CollectionRunSummary[] summary = new CollectionRunSummary[1];
        Thread caller = Thread.ofVirtual().start(() -> summary[0] = collection.run(
                new CollectionPlan("slow", List.of(naver("777777"))), ProgressListener.NONE));
        await().atMost(Duration.ofSeconds(10)).until(() -> naverRequests() > requestsBefore);
        long interruptedAt = System.nanoTime();

        caller.interrupt();
        caller.join(Duration.ofSeconds(10));

        assertThat(caller.isAlive()).isFalse();
        assertThat((System.nanoTime() - interruptedAt) / 1_000_000).as("returned before the 8 s answer")
                .isLessThan(6_000);
        assertThat(summary[0].tasksSkipped()).isEqualTo(1);
        assertThat(summary[0].allSucceeded()).isFalse();
    }

    private static int naverRequests() {
        return UpstreamStub.server().countRequestsMatching(getRequestedFor(urlPathEqualTo(NaverStub.PATH)).build())
                .getCount();
    }
}
