package io.kmarket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
/**
 * Issue 4's chaos test against the real sandbox: with 20 % HTTP 500, 10 % rate-limit answers, 5 % timeouts and 2 %
 * malformed bodies on KRX and OpenDART, a full market day (every stock of KOSPI, KOSDAQ, KONEX and the 4 main
 * indices) and a month of disclosures end exactly equal to the ground truth, and every malformed answer is recorded.
 * <p>
 * Retries absorb the transient faults; a malformed body is not retried (a parse error is not transient), so its
 * task fails, recorded, and the operator runs the same plan again, as the jobs' retries do. The test allows
 * {@value #MAX_RUNS} runs of each plan and asserts the stored data, not the number of runs.
 */
class CollectionUnderChaosTest {

    private static final Logger LOG = Logger.getLogger(CollectionUnderChaosTest.class);
    static final LocalDate DAY = LocalDate.of(2026, 1, 22);
    static final LocalDate MONTH_FROM = LocalDate.of(2025, 12, 1);
    static final LocalDate MONTH_TO = LocalDate.of(2025, 12, 31);
    static final int MAX_RUNS = 4;
    /** KOSPI, KOSDAQ, KOSPI 200, KOSDAQ 150. */
    static final List<String> INDICES = List.of("1001", "2001", "1028", "2203");

    @Test
    void aMarketDayAndAMonthOfDisclosuresUnderChaosEndEqualToTheTruth() {
        StoredMarket stored = Platform.shared().emptyMarket();
        try (Sandbox sandbox = Sandbox.start(); Scheduler scheduler = Platform.shared().startScheduler(sandbox)) {
            GroundTruth truth = new GroundTruth(sandbox);
            assertThat(sandbox.truth("calendar?from=" + DAY + "&to=" + DAY)).as("%s is a trading day", DAY).hasSize(1);
            sandbox.chaos("krx", Sandbox.Faults.ISSUE_4);
            sandbox.chaos("dart", Sandbox.Faults.ISSUE_4);

            List<Map<String, Object>> unfinished = new ArrayList<>(List.of(
                    Map.of("plan", "dailyMarket", "date", DAY.toString()),
                    Map.of("plan", "disclosures", "from", MONTH_FROM.toString(), "to", MONTH_TO.toString())));
            List<String> runs = new ArrayList<>();
            for (int round = 1; round <= MAX_RUNS && !unfinished.isEmpty(); round++) {
                // Both plans at once, as the daily-collection and disclosures jobs may overlap.
                Map<Map<String, Object>, String> started = new LinkedHashMap<>();
                unfinished.forEach(plan -> started.put(plan, scheduler.collect(plan)));
                for (Map.Entry<Map<String, Object>, String> run : started.entrySet()) {
                    JsonNode view = scheduler.awaitFinished(run.getValue(), Duration.ofMinutes(3));
                    runs.add(round + ": " + view.path("plan").asText() + " " + view.path("status").asText() + " "
                            + view.path("summary"));
                    if ("succeeded".equals(view.path("status").asText())) {
                        unfinished.remove(run.getKey());
                    }
                }
            }
            JsonNode stats = sandbox.stats();
            LOG.infof("Runs under chaos:%n  %s%nSandbox counters: %s", String.join("\n  ", runs), stats);

            assertThat(unfinished).as("plans still failing after %d runs: %s", MAX_RUNS, runs).isEmpty();
            assertThat(stats.path("violations").asLong()).as("limit violations counted by the sandbox").isZero();
            assertThat(sandbox.chaosCount("krx", "error") + sandbox.chaosCount("dart", "error"))
                    .as("HTTP 500s injected").isPositive();
            assertThat(sandbox.chaosCount("krx", "tooMany") + sandbox.chaosCount("dart", "tooMany"))
                    .as("rate-limit answers injected").isPositive();

            List<RowDiff> diffs = List.of(
                    RowDiff.of("market.daily_prices " + DAY, truth.dailyPrices(DAY), stored.dailyPrices(DAY)),
                    RowDiff.of("market.stocks", truth.stocks(DAY), stored.stocks()),
                    RowDiff.of("market.index_prices " + DAY, truth.indexPrices(DAY, INDICES),
                            stored.indexPrices(DAY)),
                    RowDiff.of("market.disclosures " + MONTH_FROM + ".." + MONTH_TO,
                            truth.disclosures(MONTH_FROM, MONTH_TO), stored.disclosures(MONTH_FROM, MONTH_TO)));
            diffs.forEach(diff -> LOG.info(diff));
            assertThat(diffs).allSatisfy(diff -> assertThat(diff.clean()).as(diff.toString()).isTrue());
            assertThat(diffs).allSatisfy(diff -> assertThat(diff.expected()).as(diff.table()).isPositive());
            assertThat(stored.duplicatedKeys()).isZero();
            assertThat(stored.list("SELECT is_trading_day FROM market.trading_calendar WHERE day = ?", DAY))
                    .containsExactly("true");

            for (String source : List.of("krx", "dart")) {
                String site = source.toUpperCase();
                long served = sandbox.chaosCount(source, "malformed");
                assertThat(stored.count("""
                        SELECT count(*) FROM ops.rejected_records
                         WHERE site_code = ? AND reason LIKE 'malformed answer:%'""", site))
                        .as("%s malformed answers recorded, one per answer the sandbox corrupted", site)
                        .isEqualTo(served);
                assertThat(stored.count("""
                        SELECT count(*) FROM ops.fetch_execution_logs l
                         WHERE site_code = ? AND status = 'failed' AND error_type = 'malformed'""", site))
                        .as("%s tasks failed by a malformed answer, each logged with that error type", site)
                        .isEqualTo(stored.count("""
                                SELECT count(DISTINCT (run_id, task_key)) FROM ops.rejected_records
                                 WHERE site_code = ? AND reason LIKE 'malformed answer:%'""", site));
            }
        }
    }
}
