package io.kmarket.scheduler.actions;

import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.actions.StockHistory.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.NaverStub;
import io.kmarket.scheduler.collect.UpstreamStub;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The corporate-actions job over raw rows written straight into the tables, one stock per case. Every expected
 * value (reference price, factor, multiplier, issue price, cumulative products, adjusted returns) is computed here
 * from the rules of the exchange, not by the code under test.
 */
@QuarkusTest
class CorporateActionsJobTest {

    private static final String ALL = "code LIKE 'CA%'";
    private static final List<String> TABLES = List.of("market.corporate_action_checks", "market.corporate_actions",
            "market.adjustment_factors", "market.adjustment_versions", "market.daily_prices",
            "market.source_daily_prices", "market.dividends", "market.par_value_changes",
            "market.par_value_history_checks");
    private static final Map<String, StockHistory> STOCKS = new LinkedHashMap<>();
    private static List<LocalDate> days;
    private static boolean seeded;

    // The cases: ex-date indexes into the trading days of 2022-2023.
    static final int SPLIT_AT = 100;
    static final int REVERSE_AT = 110;
    static final int REDUCTION_AT = 120;
    static final int BONUS_AT = 130;
    static final int RIGHTS_AT = 140;
    static final double RIGHTS_R = 0.2;
    static final long RIGHTS_ISSUE_PRICE = 8_000;
    static final int GAP_AT = 201;
    static final int LATE_BONUS_AT = 300;
    static final int LATE_BONUS_LISTED = 315;
    static final int WITHDRAWN_AT = 250;
    static final long STOCK_DIVIDEND_CASH = 500;

    @Inject
    CorporateActionsJob job;
    @Inject
    JobCatalog catalog;
    @Inject
    MovingClock clock;
    @Inject
    JobRunner runner;

    @BeforeEach
    void seed() {
        clock.set(seoul("2024-01-03T18:00:00"));
        if (seeded) {
            return;
        }
        days = Db.rows("SELECT day FROM market.trading_calendar WHERE is_trading_day"
                + " AND day BETWEEN '2022-01-03' AND '2023-12-28' ORDER BY day").stream().map(LocalDate::parse).toList();
        TABLES.forEach(table -> Db.execute("DELETE FROM " + table + " WHERE " + ALL));
        Db.execute("DELETE FROM ops.fetch_execution_logs WHERE site_code = 'NAVER' AND task_key LIKE 'DAILY_CHART:CA%'");
        int dividendExDate = days.indexOf(dividendExDate(2022));
        int april = days.indexOf(days.stream().filter(d -> !d.isBefore(LocalDate.of(2023, 4, 1))).findFirst()
                .orElseThrow());
        add(new StockHistory("CA0001", days, 50_000, 1_000_000).halt(SPLIT_AT - 3, SPLIT_AT - 1)
                .event(SPLIT_AT, p -> tick(p / 5.0)).shares(SPLIT_AT, 5_000_000));
        add(new StockHistory("CA0002", days, 1_000, 3_000_001).halt(REVERSE_AT - 3, REVERSE_AT - 1)
                .event(REVERSE_AT, p -> tick(p * 5.0)).shares(REVERSE_AT, 600_000));
        add(new StockHistory("CA0003", days, 800, 2_000_000).halt(REDUCTION_AT - 10, REDUCTION_AT - 1)
                .event(REDUCTION_AT, p -> tick(p * 10.0)).shares(REDUCTION_AT, 200_000));
        add(new StockHistory("CA0004", days, 30_000, 1_000_000).event(BONUS_AT, p -> tick(p / 1.5))
                .shares(BONUS_AT + 15, 1_500_000));
        add(new StockHistory("CA0005", days, 10_000, 1_000_000)
                .event(RIGHTS_AT, p -> tick((p + RIGHTS_ISSUE_PRICE * RIGHTS_R) / (1 + RIGHTS_R)))
                .shares(RIGHTS_AT + 25, 1_200_000));
        add(new StockHistory("CA0006", days, 20_000, 1_000_000).event(dividendExDate, p -> tick(p / 1.05))
                .shares(april, 1_050_000));
        add(new StockHistory("CA0007", days, 40_000, 1_000_000));
        // Several actions: a 2:1 split, a cash dividend, a 1:1 bonus issue.
        add(new StockHistory("CA0008", days, 60_000, 1_000_000).event(60, p -> tick(p / 2.0)).shares(60, 2_000_000)
                .event(400, p -> tick(p / 2.0)).shares(415, 4_000_000));
        // No row on GAP_AT - 1: the next day's reference price is that unseen day's close.
        add(new StockHistory("CA0009", days, 15_000, 1_000_000).missing(GAP_AT - 1));
        add(new StockHistory("CA0010", days, 12_000, 1_000_000).event(LATE_BONUS_AT, p -> tick(p / 1.25)));
        add(new StockHistory("CA0011", days, 9_000, 1_000_000).event(WITHDRAWN_AT, p -> tick(p * 1.3)));
        add(new StockHistory("CA0012", days, 7_000, 1_000_000));
        STOCKS.values().forEach(s -> Db.execute(s.build().inserts().toArray(String[]::new)));
        Db.execute("""
                INSERT INTO market.dividends (code, fiscal_year, fiscal_month, cash_per_share, stock_per_share, source)
                VALUES ('CA0006', 2022, 12, NULL, 0.05, 'KRX'), ('CA0007', 2022, 12, 1000, NULL, 'KRX'),
                       ('CA0008', 2022, 12, %d, NULL, 'KRX')""".formatted(STOCK_DIVIDEND_CASH),
                "INSERT INTO market.par_value_changes (code, change_date, par_before, par_after, source)"
                        + " VALUES ('CA0002', '" + days.get(REVERSE_AT) + "', 500, 2500, 'KRX')",
                "INSERT INTO market.par_value_history_checks (code, checked_at, changes) VALUES"
                        + " ('CA0002', '" + days.get(REVERSE_AT + 1) + "T09:00:00+09:00', 1),"
                        + " ('CA0003', '" + days.get(REDUCTION_AT + 1) + "T09:00:00+09:00', 0)");
        // Naver's chart: the split adjusted, the capital reduction not (Naver misses 감자), both fetched together.
        StockHistory split = STOCKS.get("CA0001");
        StockHistory reduction = STOCKS.get("CA0003");
        double splitFactor = (double) split.base(SPLIT_AT) / split.close(SPLIT_AT - 1);
        Db.execute("INSERT INTO market.source_daily_prices (source, code, trade_date, open, high, low, close, volume,"
                + " adjusted, halted) VALUES " + naverBar(split, SPLIT_AT - 1, Math.round(split.close(SPLIT_AT - 1)
                        * splitFactor)) + ", " + naverBar(split, SPLIT_AT, split.close(SPLIT_AT)) + ", "
                + naverBar(reduction, REDUCTION_AT - 1, reduction.close(REDUCTION_AT - 1)) + ", "
                + naverBar(reduction, REDUCTION_AT, reduction.close(REDUCTION_AT)));
        // The bonus issue's chart is fetched by the job; the other stocks' charts Naver answers without bars.
        StockHistory bonus = STOCKS.get("CA0004");
        double bonusFactor = (double) bonus.base(BONUS_AT) / bonus.close(BONUS_AT - 1);
        STOCKS.keySet().forEach(code -> UpstreamStub.server().stubFor(NaverStub.chart(code)
                .willReturn(NaverStub.bars(code, code))));
        UpstreamStub.server().stubFor(NaverStub.chart("CA0004").willReturn(NaverStub.bars("CA0004", "CA0004",
                naverItem(bonus, BONUS_AT - 1, Math.round(bonus.close(BONUS_AT - 1) * bonusFactor)),
                naverItem(bonus, BONUS_AT, bonus.close(BONUS_AT)))));
        seeded = true;
    }

    private static void add(StockHistory stock) {
        STOCKS.put(stock.code, stock);
    }

    private static String naverBar(StockHistory s, int i, long close) {
        return "('NAVER', '%s', '%s', %d, %d, %d, %d, 1000, true, false)".formatted(s.code, s.day(i), close, close,
                close, close);
    }

    private static String naverItem(StockHistory s, int i, long close) {
        return "%s|%d|%d|%d|%d|%d".formatted(s.day(i).toString().replace("-", ""), close, close, close, close, 1000);
    }

    /** The trading day before the last trading day of December (the rule, applied to the calendar by hand). */
    private static LocalDate dividendExDate(int year) {
        List<LocalDate> december = days.stream().filter(d -> d.getYear() == year && d.getMonthValue() == 12).toList();
        return december.get(december.size() - 2);
    }

    private JobOutcome run() {
        return job.run(JobContext.standalone(JobNames.CORPORATE_ACTIONS, LocalDate.of(2023, 12, 28)));
    }

    /** The reference-price action of the stock on the day: type|multiplier|issue price|factor|reference price. */
    private static List<String> actions(String code) {
        return Db.rows("SELECT ex_date, event, action_type, shares_multiplier, issue_price, price_factor, reference_price,"
                + " previous_close, cash_amount, withdrawn_at IS NOT NULL FROM market.corporate_actions WHERE code = '"
                + code + "' ORDER BY ex_date, event");
    }

    private static String[] single(String code) {
        List<String> rows = actions(code);
        assertThat(rows).hasSize(1);
        return rows.getFirst().split("\\|");
    }

    /** Asserts one live reference-price action of the type, with the test's factor and multiplier. */
    private static void assertAction(String code, int exDate, String type, Double multiplier) {
        StockHistory s = STOCKS.get(code);
        String[] row = single(code);
        long previousClose = s.close(exDate - 1);
        double factor = (double) s.base(exDate) / previousClose;
        assertThat(row[0]).isEqualTo(s.day(exDate).toString());
        assertThat(row[1]).isEqualTo("reference_price");
        assertThat(row[2]).isEqualTo(type);
        if (multiplier == null) {
            assertThat(row[3]).isEqualTo("null");
        } else {
            assertThat(Double.parseDouble(row[3])).isCloseTo(multiplier, within(1e-12));
        }
        assertThat(Double.parseDouble(row[5])).isCloseTo(factor, within(1e-12));
        assertThat(Long.parseLong(row[6])).isEqualTo(s.base(exDate));
        assertThat(Long.parseLong(row[7])).isEqualTo(previousClose);
        assertThat(row[9]).isEqualTo("f");
    }

    @Test
    void eachActionTypeIsDerivedFromTheReferencePriceAndTheListedShares() {
        run();

        assertAction("CA0001", SPLIT_AT, "split", 5.0);
        assertAction("CA0002", REVERSE_AT, "reverse_split", 0.2);
        assertAction("CA0003", REDUCTION_AT, "capital_reduction", 0.1);
        assertAction("CA0004", BONUS_AT, "bonus_issue", 1.5);
        assertAction("CA0005", RIGHTS_AT, "rights_offering", 1.2);
        StockHistory rights = STOCKS.get("CA0005");
        long expectedIssuePrice = Math.round((rights.base(RIGHTS_AT) * 1.2 - rights.close(RIGHTS_AT - 1)) / 0.2);
        assertThat(single("CA0005")[4]).isEqualTo(Long.toString(expectedIssuePrice));
        // The tick rounding of the reference price leaves the issue price within a few won of the announced one.
        assertThat(expectedIssuePrice).isCloseTo(RIGHTS_ISSUE_PRICE, within(50L));
        StockHistory dividend = STOCKS.get("CA0006");
        assertAction("CA0006", dividend.index(dividendExDate(2022)), "stock_dividend", 1.05);

        // The cash dividend: no reference-price step, dated by the ex-date rule; factor (P - d) / P.
        StockHistory cash = STOCKS.get("CA0007");
        int exDate = cash.index(dividendExDate(2022));
        String[] row = single("CA0007");
        assertThat(row[0]).isEqualTo(cash.day(exDate).toString());
        assertThat(row[1]).isEqualTo("cash_dividend");
        assertThat(row[2]).isEqualTo("cash_dividend");
        assertThat(Double.parseDouble(row[5])).isCloseTo(
                (cash.close(exDate - 1) - 1000.0) / cash.close(exDate - 1), within(1e-12));
        assertThat(new java.math.BigDecimal(row[8])).isEqualByComparingTo("1000");

        // A reference price above the previous close without a share change: kept, but unclassified.
        assertAction("CA0011", WITHDRAWN_AT, "unclassified", null);
        assertThat(Db.rows("SELECT evidence->>'reason' FROM market.corporate_actions WHERE code = 'CA0011'"))
                .singleElement().asString().contains("without a change of the listed shares");
    }

    @Test
    void aDayAfterAGapInTheDataIsNoAction() {
        run();

        StockHistory gap = STOCKS.get("CA0009");
        // The premise: the stored previous close differs from the day's reference price.
        assertThat(gap.base(GAP_AT)).isNotEqualTo(gap.close(GAP_AT - 2));
        assertThat(actions("CA0009")).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM market.adjustment_factors WHERE code = 'CA0009'")).isZero();
    }

    @Test
    void cumulativeFactorsAreTheProductsOfTheLaterActionsAndTheAdjustedSeriesHasNoJump() {
        run();

        StockHistory s = STOCKS.get("CA0008");
        int cashAt = s.index(dividendExDate(2022));
        double split1 = (double) s.base(60) / s.close(59);
        double cash = (s.close(cashAt - 1) - (double) STOCK_DIVIDEND_CASH) / s.close(cashAt - 1);
        double bonus = (double) s.base(400) / s.close(399);
        assertThat(actions("CA0008")).extracting(r -> r.split("\\|")[2])
                .containsExactly("split", "cash_dividend", "bonus_issue");
        List<String[]> steps = Db.rows("SELECT ex_date, split_factor, total_factor FROM market.adjustment_factors"
                + " WHERE code = 'CA0008' ORDER BY ex_date").stream().map(r -> r.split("\\|")).toList();
        assertThat(steps).extracting(r -> r[0]).containsExactly(s.day(60).toString(), s.day(cashAt).toString(),
                s.day(400).toString());
        double[][] expected = {{split1 * bonus, split1 * cash * bonus}, {bonus, cash * bonus}, {bonus, bonus}};
        for (int i = 0; i < 3; i++) {
            assertThat(Double.parseDouble(steps.get(i)[1])).isCloseTo(expected[i][0], within(expected[i][0] * 1e-9));
            assertThat(Double.parseDouble(steps.get(i)[2])).isCloseTo(expected[i][1], within(expected[i][1] * 1e-9));
        }

        // Adjusted closes from the raw rows and the stored steps (the step with the smallest ex-date after the day).
        List<double[]> split = new ArrayList<>();
        List<double[]> total = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            double fs = 1;
            double ft = 1;
            for (String[] step : steps) {
                if (LocalDate.parse(step[0]).isAfter(days.get(i))) {
                    fs = Double.parseDouble(step[1]);
                    ft = Double.parseDouble(step[2]);
                    break;
                }
            }
            split.add(new double[] {s.close(i) * fs});
            total.add(new double[] {s.close(i) * ft});
        }
        for (int i = 1; i < days.size(); i++) {
            double ownReturn = (double) s.close(i) / s.base(i) - 1;
            double adjustedSplit = split.get(i)[0] / split.get(i - 1)[0] - 1;
            assertThat(adjustedSplit).as("split-adjusted return on %s", days.get(i)).isCloseTo(ownReturn, within(1e-9));
            // Total: on the dividend's ex-date the return includes the dividend, (close + d) / P - 1 at KRX's P.
            double totalReturn = i == cashAt ? s.close(i) / (s.close(i - 1) - (double) STOCK_DIVIDEND_CASH) - 1
                    : ownReturn;
            assertThat(total.get(i)[0] / total.get(i - 1)[0] - 1).as("total-adjusted return on %s", days.get(i))
                    .isCloseTo(totalReturn, within(1e-9));
        }
        // The raw series keeps the jumps: about -50 % on both share-count ex-dates.
        assertThat((double) s.close(60) / s.close(59) - 1).isLessThan(-0.45);
        assertThat((double) s.close(400) / s.close(399) - 1).isLessThan(-0.45);
    }

    @Test
    void aBonusIssueIsUnclassifiedUntilItsNewSharesListThenClassified() {
        run();
        StockHistory s = STOCKS.get("CA0010");
        assertAction("CA0010", LATE_BONUS_AT, "unclassified", null);
        String detected = Db.rows("SELECT detected_at FROM market.corporate_actions WHERE code = 'CA0010'").getFirst();
        assertThat(Db.rows("SELECT classified_at FROM market.corporate_actions WHERE code = 'CA0010'"))
                .containsExactly("null");
        long version = Db.count("SELECT version FROM market.adjustment_versions WHERE code = 'CA0010'");

        clock.advance(java.time.Duration.ofDays(1));
        Db.execute("UPDATE market.daily_prices SET shares_out = 1250000 WHERE code = 'CA0010' AND trade_date >= '"
                + s.day(LATE_BONUS_LISTED) + "'");
        run();

        assertAction("CA0010", LATE_BONUS_AT, "bonus_issue", 1.25);
        assertThat(Db.rows("SELECT detected_at, classified_at IS NOT NULL, shares_changed_on, shares_before,"
                + " shares_after FROM market.corporate_actions WHERE code = 'CA0010'"))
                .containsExactly(detected + "|t|" + s.day(LATE_BONUS_LISTED) + "|1000000|1250000");
        assertThat(Db.count("SELECT version FROM market.adjustment_versions WHERE code = 'CA0010'"))
                .isEqualTo(version + 1);
    }

    @Test
    void anActionTheDataNoLongerShowsIsWithdrawnNotDeleted() {
        run();
        StockHistory s = STOCKS.get("CA0011");
        assertThat(Db.count("SELECT count(*) FROM market.adjustment_factors WHERE code = 'CA0011'")).isEqualTo(1);
        long version = Db.count("SELECT version FROM market.adjustment_versions WHERE code = 'CA0011'");

        // KRX corrected the day: its reference price was the previous close after all.
        Db.execute("UPDATE market.daily_prices SET base_price = " + s.close(WITHDRAWN_AT - 1)
                + " WHERE code = 'CA0011' AND trade_date = '" + s.day(WITHDRAWN_AT) + "'");
        run();

        assertThat(actions("CA0011")).singleElement().asString().endsWith("|t");
        assertThat(Db.count("SELECT count(*) FROM market.adjustment_factors WHERE code = 'CA0011'")).isZero();
        assertThat(Db.count("SELECT version FROM market.adjustment_versions WHERE code = 'CA0011'"))
                .isEqualTo(version + 1);
    }

    @Test
    void naverAgreesOrDisagreesAndAMissingNaverBarIsNoCheck() {
        run();

        List<String> checks = Db.rows("SELECT code, source, agrees FROM market.corporate_action_checks WHERE "
                + ALL + " ORDER BY code, source");
        // CA0001: Naver adjusted the split as we did. CA0003: Naver missed the capital reduction, recorded as a
        // disagreement and the action left as it is. CA0004: the chart the job fetched agrees. CA0006: KRX's
        // dividend screen shows the stock dividend's r. No other stock has Naver bars: no check, no disagreement.
        assertThat(checks).containsExactly("CA0001|NAVER|t", "CA0003|NAVER|f", "CA0004|NAVER|t",
                "CA0006|KRX_DIVIDENDS|t");
        StockHistory reduction = STOCKS.get("CA0003");
        assertThat(Double.parseDouble(Db.rows("SELECT their_factor FROM market.corporate_action_checks"
                + " WHERE code = 'CA0003'").getFirst())).isCloseTo(
                        ((double) reduction.close(REDUCTION_AT - 1) / reduction.close(REDUCTION_AT - 1))
                                / ((double) reduction.close(REDUCTION_AT) / reduction.close(REDUCTION_AT)),
                        within(1e-12));
        assertAction("CA0003", REDUCTION_AT, "capital_reduction", 0.1);
        StockHistory bonus = STOCKS.get("CA0004");
        assertThat(Db.rows("SELECT trade_date FROM market.source_daily_prices WHERE source = 'NAVER'"
                + " AND code = 'CA0004' ORDER BY trade_date"))
                .containsExactly(bonus.day(BONUS_AT - 1).toString(), bonus.day(BONUS_AT).toString());
    }

    @Test
    void aRunOverUnchangedDataWritesNothing() {
        run();
        List<String> before = snapshot();
        clock.advance(java.time.Duration.ofHours(1));

        JobOutcome again = run();

        assertThat(again.records()).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every row of the derivation's tables with its bookkeeping columns and its row version (xmin). */
    private static List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        rows.addAll(Db.rows("SELECT xmin, * FROM market.corporate_actions ORDER BY code, ex_date, event"));
        rows.addAll(Db.rows("SELECT xmin, * FROM market.corporate_action_checks ORDER BY code, ex_date, event, source"));
        rows.addAll(Db.rows("SELECT xmin, * FROM market.adjustment_factors ORDER BY code, ex_date"));
        rows.addAll(Db.rows("SELECT xmin, * FROM market.adjustment_versions ORDER BY code"));
        return rows;
    }

    /**
     * A first start runs the job for each date of its year after the whole history is in: a backfill run finds the
     * evidence's fingerprint (row counts, latest collected_at) unchanged and skips the rescan, and never asks Naver.
     */
    @Test
    void aBackfillRunRescansOnlyWhenTheEvidenceChangedAndAsksNaverNothing() throws Exception {
        run();
        StockHistory s = STOCKS.get("CA0012");
        int day = 350;
        String where = " WHERE code = 'CA0012' AND trade_date = '" + s.day(day) + "'";
        // A 1:1 bonus issue's step written without a collection: collected_at unmoved, so the evidence looks the same.
        Db.execute("UPDATE market.daily_prices SET base_price = " + tick(s.close(day - 1) / 2.0) + where);
        int naverRequests = naverRequests("CA0012");
        var definition = catalog.find(JobNames.CORPORATE_ACTIONS).orElseThrow();

        assertThat(runner.runAndWait(definition, LocalDate.of(2023, 6, 1), RunTrigger.BACKFILL))
                .isEqualTo(RunStatus.SUCCEEDED);
        assertThat(actions("CA0012")).isEmpty();

        // As a collection writes it: the fingerprint moves and the backfill run derives the step.
        Db.execute("UPDATE market.daily_prices SET collected_at = now()" + where);
        assertThat(runner.runAndWait(definition, LocalDate.of(2023, 6, 2), RunTrigger.BACKFILL))
                .isEqualTo(RunStatus.SUCCEEDED);
        assertThat(single("CA0012")[2]).isEqualTo("unclassified");
        assertThat(naverRequests("CA0012")).isEqualTo(naverRequests);

        // Any other run asks Naver for the new action's bars.
        run();
        assertThat(naverRequests("CA0012")).isEqualTo(naverRequests + 1);
    }

    private static int naverRequests(String code) {
        return UpstreamStub.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(NaverStub.PATH))
                .withQueryParam("symbol", com.github.tomakehurst.wiremock.client.WireMock.equalTo(code))).size();
    }

    @Test
    void theJobFollowsTheCollectionAndTheIndicatorsFollowIt() {
        assertThat(catalog.find(JobNames.CORPORATE_ACTIONS).orElseThrow().after())
                .containsExactly(JobNames.DAILY_COLLECTION);
        assertThat(catalog.find(JobNames.CORPORATE_ACTIONS).orElseThrow().inBackfills()).isTrue();
        assertThat(catalog.find(JobNames.INDICATORS).orElseThrow().after()).containsExactly(JobNames.CORPORATE_ACTIONS);
    }
}
