package io.kmarket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The chaos test against the real sandbox: with 20 % HTTP 500, 10 % rate-limit answers, 5 % timeouts and 2 %
 * malformed bodies on KRX and OpenDART, full market days (every stock of KOSPI, KOSDAQ, KONEX and the 4 main
 * indices) and a month of disclosures end exactly equal to the ground truth, and every malformed answer is recorded.
 * <p>
 * One market day is only ~20 requests, too few for 2 % or 5 % faults to show up reliably, so the scenario collects
 * every trading day of the last full month (~20 full market days, ~250 requests) and that month's disclosures. Retries absorb the transient faults; a
 * malformed body is not retried (a parse error is not transient), so its task fails, recorded, and the operator runs
 * the same plan again, as the jobs' retries do. The test allows {@value #MAX_ROUNDS} runs of each plan and asserts
 * the stored data, not the number of runs.
 */
class CollectionUnderChaosTest {

    private static final Logger LOG = Logger.getLogger(CollectionUnderChaosTest.class);
    static final int MAX_ROUNDS = 6;
    /** KOSPI, KOSDAQ, KOSPI 200, KOSDAQ 150. */
    static final List<String> INDICES = List.of("1001", "2001", "1028", "2203");

    @Test
    void marketDaysAndAMonthOfDisclosuresUnderChaosEndEqualToTheTruth() {
        StoredMarket stored = Platform.shared().emptyMarket();
        try (Sandbox sandbox = Sandbox.start(); Scheduler scheduler = Platform.shared().startScheduler(sandbox)) {
            GroundTruth truth = new GroundTruth(sandbox);
            YearMonth month = sandbox.lastFullMonth();
            LocalDate monthFrom = month.atDay(1);
            LocalDate monthTo = month.atEndOfMonth();
            List<LocalDate> days = truth.tradingDays(monthFrom, monthTo);
            assertThat(days).as("trading days of %s", month).hasSizeGreaterThan(15);
            sandbox.chaos("krx", Sandbox.Faults.HEAVY_CHAOS);
            sandbox.chaos("dart", Sandbox.Faults.HEAVY_CHAOS);
            List<Map<String, Object>> plans = new ArrayList<>();
            days.forEach(day -> plans.add(Scheduler.dailyMarket(day)));
            plans.add(Scheduler.disclosures(monthFrom, monthTo));

            long started = System.nanoTime();
            Scheduler.Rounds rounds = scheduler.runUntilSucceeded(plans, MAX_ROUNDS, Duration.ofMinutes(4));
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            JsonNode stats = sandbox.stats();
            LOG.infof("Collected under chaos in %d s:%n  %s%nSandbox counters: %s", seconds,
                    String.join("\n  ", rounds.runs()), stats);

            assertThat(rounds.unfinished()).as("plans still failing after %d rounds: %s", MAX_ROUNDS, rounds.runs())
                    .isEmpty();
            assertThat(stats.path("violations").asLong()).as("limit violations counted by the sandbox").isZero();
            for (String kind : List.of("error", "tooMany", "timeout")) {
                assertThat(sandbox.chaosCount("krx", kind) + sandbox.chaosCount("dart", kind))
                        .as("%s faults injected", kind).isPositive();
            }

            List<RowDiff> diffs = new ArrayList<>();
            Map<String, String> listed = new LinkedHashMap<>();
            for (LocalDate day : days) {
                diffs.add(RowDiff.of("market.daily_prices " + day, truth.dailyPrices(day), stored.dailyPrices(day)));
                diffs.add(RowDiff.of("market.index_prices " + day, truth.indexPrices(day, INDICES),
                        stored.indexPrices(day)));
                listed.putAll(truth.stocks(day));
            }
            diffs.add(RowDiff.of("market.stocks", listed, stored.stocks()));
            diffs.add(RowDiff.of("market.disclosures " + monthFrom + ".." + monthTo,
                    truth.disclosures(monthFrom, monthTo), stored.disclosures(monthFrom, monthTo)));
            LOG.infof("Compared with the truth:%n  %s", String.join("\n  ", diffs.stream().map(RowDiff::toString).toList()));
            assertThat(diffs).allSatisfy(diff -> assertThat(diff.clean()).as(diff.toString()).isTrue());
            assertThat(diffs).allSatisfy(diff -> assertThat(diff.expected()).as(diff.table()).isPositive());
            assertThat(stored.duplicatedKeys()).isZero();
            assertThat(stored.count("SELECT count(*) FROM market.trading_calendar WHERE is_trading_day"))
                    .isEqualTo(days.size());

            for (String source : List.of("krx", "dart")) {
                String site = source.toUpperCase();
                long served = sandbox.chaosCount(source, "malformed");
                assertThat(stored.count("""
                        SELECT count(*) FROM ops.rejected_records
                         WHERE site_code = ? AND reason LIKE 'malformed answer:%'""", site))
                        .as("%s malformed answers recorded, one per answer the sandbox corrupted", site)
                        .isEqualTo(served);
                assertThat(stored.count("""
                        SELECT count(*) FROM ops.fetch_execution_logs
                         WHERE site_code = ? AND status = 'failed' AND error_type = 'malformed'""", site))
                        .as("%s tasks failed by a malformed answer, each logged with that error type", site)
                        .isEqualTo(stored.count("""
                                SELECT count(DISTINCT (run_id, task_key)) FROM ops.rejected_records
                                 WHERE site_code = ? AND reason LIKE 'malformed answer:%'""", site));
            }
        }
    }
}
