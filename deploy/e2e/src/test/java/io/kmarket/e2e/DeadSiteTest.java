package io.kmarket.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A dead site against the real sandbox (CollectionServiceTest has the WireMock version): KRX answers every request with
 * HTTP 500 while OpenDART is healthy. KRX's circuit opens after 5 failed requests, its remaining tasks are recorded
 * skipped without a request, the disclosures finish and equal the truth; once KRX is back, the circuit lets a probe
 * through after its cool-down and the market day is collected.
 */
class DeadSiteTest {

    private static final Logger LOG = Logger.getLogger(DeadSiteTest.class);
    /** kmarket.collect.circuit.failure-threshold (default). */
    static final int THRESHOLD = 5;
    /** ops.site_config.max_concurrency of KRX: requests that may already be on their way when the circuit opens. */
    static final int KRX_CONCURRENCY = 2;

    @Test
    void aDeadSitesCircuitOpensItsTasksAreSkippedAndTheOtherSiteFinishes() {
        StoredMarket stored = Platform.shared().emptyMarket();
        try (Sandbox sandbox = Sandbox.start(); Scheduler scheduler = Platform.shared().startScheduler(sandbox)) {
            GroundTruth truth = new GroundTruth(sandbox);
            YearMonth month = sandbox.lastFullMonth();
            LocalDate monthFrom = month.atDay(1);
            LocalDate monthTo = month.atEndOfMonth();
            LocalDate day = truth.tradingDays(monthFrom, monthTo).getLast();
            sandbox.chaos("krx", Sandbox.Faults.DEAD);

            String market = scheduler.collect(Scheduler.dailyMarket(day));
            String disclosures = scheduler.collect(Scheduler.disclosures(monthFrom, monthTo));
            JsonNode dead = scheduler.awaitFinished(market, Duration.ofMinutes(2));
            JsonNode alive = scheduler.awaitFinished(disclosures, Duration.ofMinutes(2));
            long krxRequests = sandbox.stats().path("sources").path("krx").path("requests").asLong();
            LOG.infof("Dead KRX: %s after %d requests; OpenDART: %s", dead, krxRequests, alive);

            JsonNode summary = dead.path("summary");
            assertThat(dead.path("status").asText()).isEqualTo("failed");
            assertThat(summary.path("tasksSucceeded").asInt()).isZero();
            assertThat(summary.path("tasksFailed").asInt()).isPositive();
            assertThat(summary.path("tasksSkipped").asInt()).isPositive();
            assertThat(summary.path("tasksFailed").asInt() + summary.path("tasksSkipped").asInt()).isEqualTo(7);
            assertThat(krxRequests).as("requests to the dead site").isBetween((long) THRESHOLD,
                    (long) THRESHOLD + KRX_CONCURRENCY);
            assertThat(stored.executionLog("KRX")).containsEntry("skipped/circuit_open",
                    summary.path("tasksSkipped").asLong());
            assertThat(stored.list("SELECT status, circuit_state FROM ops.site_health_status WHERE site_code = 'KRX'"))
                    .containsExactly("failed|OPEN");
            assertThat(stored.count("SELECT count(*) FROM market.daily_prices")).isZero();

            assertThat(alive.path("status").asText()).isEqualTo("succeeded");
            RowDiff filings = RowDiff.of("market.disclosures", truth.disclosures(monthFrom, monthTo),
                    stored.disclosures(monthFrom, monthTo));
            assertThat(filings.clean()).as(filings.toString()).isTrue();
            assertThat(stored.list("SELECT status FROM ops.site_health_status WHERE site_code = 'DART'"))
                    .containsExactly("active");

            // KRX comes back: after the circuit's cool-down a probe goes through and the day is collected.
            sandbox.chaos("krx", Sandbox.Faults.NONE);
            await("KRX collected again").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> scheduler.run(Scheduler.dailyMarket(day), Duration.ofMinutes(2)),
                            view -> "succeeded".equals(view.path("status").asText()));
            List<RowDiff> recovered = List.of(
                    RowDiff.of("market.daily_prices " + day, truth.dailyPrices(day), stored.dailyPrices(day)),
                    RowDiff.of("market.index_prices " + day,
                            truth.indexPrices(day, CollectionUnderChaosTest.INDICES), stored.indexPrices(day)));
            assertThat(recovered).allSatisfy(diff -> assertThat(diff.clean()).as(diff.toString()).isTrue());
            assertThat(stored.list("SELECT circuit_state FROM ops.site_health_status WHERE site_code = 'KRX'"))
                    .containsExactly("CLOSED");
        }
    }
}
