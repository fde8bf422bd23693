package io.kmarket.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * scheduler-service is SIGKILLed in the middle of collecting (some tasks stored, others in flight or waiting), then
 * started again and given the same plans: the data ends equal to the truth, nothing lost, nothing doubled. At the
 * moment of the kill every task is stored entirely or not at all (one transaction per task), never half.
 */
class KillAndRerunTest {

    private static final Logger LOG = Logger.getLogger(KillAndRerunTest.class);
    static final int MARKET_DAYS = 5;
    static final int KILL_AFTER_TASKS = 8;
    /** OpenDART searches at most 90 days without a company: the quarter is two tasks, 90 days and the rest. */
    static final int DISCLOSURE_WINDOW_DAYS = 90;

    @Test
    void aRunKilledMidwayAndRunAgainLeavesExactlyTheTruth() {
        StoredMarket stored = Platform.shared().emptyMarket();
        try (Sandbox sandbox = Sandbox.start()) {
            GroundTruth truth = new GroundTruth(sandbox);
            YearMonth month = sandbox.lastFullMonth();
            List<LocalDate> monthDays = truth.tradingDays(month.atDay(1), month.atEndOfMonth());
            List<LocalDate> days = monthDays.subList(monthDays.size() - MARKET_DAYS, monthDays.size());
            LocalDate quarterFrom = month.minusMonths(2).atDay(1);
            LocalDate quarterTo = month.atEndOfMonth();
            List<Map<String, Object>> plans = new ArrayList<>();
            days.forEach(day -> plans.add(Scheduler.dailyMarket(day)));
            plans.add(Scheduler.disclosures(quarterFrom, quarterTo));
            // Slow answers, no faults: the runs last long enough to be killed in their middle.
            sandbox.chaos("krx", Sandbox.Faults.slow(300, 200));
            sandbox.chaos("dart", Sandbox.Faults.slow(1_000, 500));

            List<JsonNode> atKill;
            try (Scheduler first = Platform.shared().startScheduler(sandbox)) {
                List<String> runs = plans.stream().map(first::collect).toList();
                atKill = await("some tasks done").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> runs.stream().map(first::progress).toList(),
                                views -> done(views) >= KILL_AFTER_TASKS);
                first.kill();
            }
            int total = atKill.stream().mapToInt(view -> view.path("total").asInt()).sum();
            LOG.infof("SIGKILLed with %d of %d tasks done; %d execution records", done(atKill), total,
                    stored.count("SELECT count(*) FROM ops.fetch_execution_logs"));
            assertThat(done(atKill)).as("killed in the middle").isLessThan(total);
            assertWholeTasksOnly(stored, truth, days, quarterFrom, quarterTo);

            try (Scheduler second = Platform.shared().startScheduler(sandbox)) {
                Scheduler.Rounds rounds = second.runUntilSucceeded(plans, 1, Duration.ofMinutes(4));
                assertThat(rounds.unfinished()).as(rounds.runs().toString()).isEmpty();
            }
            List<RowDiff> diffs = new ArrayList<>();
            for (LocalDate day : days) {
                diffs.add(RowDiff.of("market.daily_prices " + day, truth.dailyPrices(day), stored.dailyPrices(day)));
                diffs.add(RowDiff.of("market.index_prices " + day,
                        truth.indexPrices(day, CollectionUnderChaosTest.INDICES), stored.indexPrices(day)));
            }
            diffs.add(RowDiff.of("market.disclosures " + quarterFrom + ".." + quarterTo,
                    truth.disclosures(quarterFrom, quarterTo), stored.disclosures(quarterFrom, quarterTo)));
            LOG.infof("After the second run:%n  %s", String.join("\n  ", diffs.stream().map(RowDiff::toString).toList()));
            assertThat(diffs).allSatisfy(diff -> assertThat(diff.clean()).as(diff.toString()).isTrue());
            assertThat(stored.duplicatedKeys()).isZero();
        }
    }

    private static int done(List<JsonNode> views) {
        return views.stream().mapToInt(view -> view.path("done").asInt()).sum();
    }

    /** Per day and market, per index and day, per disclosure window: all of the task's rows, or none. */
    private static void assertWholeTasksOnly(StoredMarket stored, GroundTruth truth, List<LocalDate> days,
            LocalDate quarterFrom, LocalDate quarterTo) {
        for (LocalDate day : days) {
            Map<String, String> listed = truth.stocks(day);
            Map<String, Long> expected = new TreeMap<>();
            truth.dailyPrices(day).keySet().forEach(code -> expected.merge(listed.get(code).split("\\|")[2], 1L,
                    Long::sum));
            for (Map.Entry<String, Long> market : expected.entrySet()) {
                long rows = stored.count("""
                        SELECT count(*) FROM market.daily_prices p JOIN market.stocks s ON s.code = p.code
                         WHERE p.trade_date = ? AND s.market = ?""", day, market.getKey());
                assertThat(rows).as("%s rows of %s on %s", market.getKey(), market.getValue(), day)
                        .isIn(0L, market.getValue());
            }
        }
        LocalDate firstWindowEnd = quarterFrom.plusDays(DISCLOSURE_WINDOW_DAYS - 1L);
        for (LocalDate[] window : List.of(new LocalDate[] {quarterFrom, firstWindowEnd},
                new LocalDate[] {firstWindowEnd.plusDays(1), quarterTo})) {
            assertThat(stored.disclosures(window[0], window[1]).size())
                    .as("disclosures stored for %s..%s", window[0], window[1])
                    .isIn(0, truth.disclosures(window[0], window[1]).size());
        }
    }
}
