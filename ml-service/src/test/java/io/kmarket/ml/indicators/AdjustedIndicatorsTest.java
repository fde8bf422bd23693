package io.kmarket.ml.indicators;

import static io.kmarket.ml.indicators.IndicatorComputeTest.assertMatchesTextbook;
import static io.kmarket.ml.indicators.IndicatorComputeTest.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.ml.market.store.StockHistory;
import io.kmarket.ml.predictions.Features;
import io.kmarket.ml.predictions.SampleSet;
import io.kmarket.ml.predictions.store.PredictionRepository;
import io.kmarket.ml.predictions.store.SampleReader;
import io.kmarket.ml.reports.ReportData;
import io.kmarket.ml.reports.store.ReportDataReader;
import io.kmarket.ml.support.MarketSeed;
import io.kmarket.ml.support.MarketSeed.FactorStep;
import io.kmarket.ml.support.MarketSeed.Series;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Indicators, model inputs and report prices of stocks with a 50:1 split and a cash dividend, against series
 * adjusted here from the raw prices and the split ratio; and the recomputation of a stock whose factors changed.
 * Each test has its own years, so one test's runs never rewrite another's stocks.
 */
@QuarkusTest
class AdjustedIndicatorsTest {

    private static final LocalDate FIRST = LocalDate.of(2014, 1, 6);
    private static final int DAYS = 300;
    private static final int SPLIT_DAY = 150;
    private static final int RATIO = 50;
    private static final int DIVIDEND_DAY = 220;
    private static final long DIVIDEND = 1_000;
    private static Series split;

    @Inject
    IndicatorService indicators;
    @Inject
    SampleReader samples;
    @Inject
    PredictionRepository predictions;
    @Inject
    ReportDataReader reports;

    @BeforeAll
    static void seed() throws SQLException {
        split = splitStock("ASPL01", FIRST, DAYS, 61);
        MarketSeed.insert(split);
        MarketSeed.factors(split.code(), 1, steps(split));
    }

    @Test
    void indicatorsAroundASplitEqualTheDefinitionsOverTheSplitAdjustedSeries() throws SQLException {
        indicators.computeRange(split.dates().getFirst(), split.dates().getLast());

        Map<LocalDate, Map<String, Double>> rows = stored(split.code());
        assertThat(rows).hasSize(DAYS);
        double[] close = splitAdjusted(split.close());
        double[] volume = splitAdjustedVolumes(split.volume());
        for (int day = 0; day < DAYS; day++) {
            assertMatchesTextbook(split.code(), close, volume, day, rows.get(split.dates().get(day)));
        }
        // The raw series would put the 200-day average far above every close after the split.
        Map<String, Double> afterSplit = rows.get(split.dates().get(SPLIT_DAY + 60));
        assertThat(afterSplit.get("sma200")).isLessThan(2 * close[SPLIT_DAY + 60]);
        assertThat(afterSplit.get("rsi14")).isBetween(1.0, 99.0);
        assertThat(recordedVersion(split.code())).isEqualTo(1L);
    }

    @Test
    void featuresAndLabelsUseTotalAdjustedReturnsWithoutAJumpAtTheSplit() {
        indicators.computeRange(split.dates().getFirst(), split.dates().getLast());

        SampleSet set = samples.read(split.dates().get(SPLIT_DAY - 10), split.dates().get(DAYS - 1));

        double[] total = totalAdjusted(split);
        double[] close = splitAdjusted(split.close());
        Map<Integer, Integer> rowOfDay = rowsOf(set, split);
        int return1d = Features.NAMES.indexOf("return_1d");
        int return5d = Features.NAMES.indexOf("return_5d");
        int closeVsSma20 = Features.NAMES.indexOf("close_vs_sma20");
        for (int day : List.of(SPLIT_DAY, SPLIT_DAY + 1, DIVIDEND_DAY, DIVIDEND_DAY + 3)) {
            double[] features = features(set, rowOfDay.get(day));
            assertThat(features[return1d]).as("return on day %d", day)
                    .isCloseTo(total[day] / total[day - 1] - 1, within(1e-12));
            assertThat(features[return5d]).isCloseTo(total[day] / total[day - 5] - 1, within(1e-12));
            assertThat(features[closeVsSma20])
                    .isCloseTo(close[day] / TextbookIndicators.sma(close, day, 20) - 1, within(1e-9));
        }
        assertThat(features(set, rowOfDay.get(SPLIT_DAY))[return1d]).as("no -98 %% day").isGreaterThan(-0.2);
        for (int day : List.of(SPLIT_DAY - 1, DIVIDEND_DAY - 1)) {
            assertThat(set.nextUp(rowOfDay.get(day))).as("label of day %d", day)
                    .isEqualTo((byte) (total[day + 1] > total[day] ? 1 : 0));
        }
    }

    @Test
    void aPredictionBeforeTheSplitIsScoredOnTotalAdjustedCloses() throws SQLException {
        LocalDate before = split.dates().get(SPLIT_DAY - 1);
        MarketSeed.execute("INSERT INTO analytics.model_versions (name, version, algorithm, train_from, train_to,"
                + " features, parameters, metrics) VALUES ('adjusted-outcome', 'split', 'test', '2014-01-06',"
                + " '2014-06-30', '[]', '{}', '{}')");
        MarketSeed.execute("INSERT INTO analytics.predictions (code, trade_date, model_id, target_date, prob_up,"
                + " predicted_up) SELECT '" + split.code() + "', '" + before + "', id, '" + split.dates().get(SPLIT_DAY)
                + "', 0.7, true FROM analytics.model_versions WHERE name = 'adjusted-outcome'");

        List<PredictionRepository.Outcome> outcomes = predictions.outcomes(before, split.dates().get(SPLIT_DAY))
                .stream().filter(o -> o.probabilityUp() == 0.7).toList();

        double[] total = totalAdjusted(split);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.outcomeDate()).isEqualTo(split.dates().get(SPLIT_DAY));
            assertThat(o.previousClose()).isCloseTo(total[SPLIT_DAY - 2], within(1e-9 * total[SPLIT_DAY - 2]));
            assertThat(o.close()).isCloseTo(total[SPLIT_DAY - 1], within(1e-9 * total[SPLIT_DAY - 1]));
            assertThat(o.nextClose()).isCloseTo(total[SPLIT_DAY], within(1e-9 * total[SPLIT_DAY]));
            assertThat(o.up()).isEqualTo(total[SPLIT_DAY] > total[SPLIT_DAY - 1]);
        });
    }

    @Test
    void reportPricesAreSplitAdjustedAsTheReportDayStood() {
        ReportData.Company company = new ReportData.Company(split.code(), "분할", "Split Co", "STK", null);
        double[] close = splitAdjusted(split.close());

        StockHistory latest = reports.read(company, null).history();
        StockHistory beforeSplit = reports.read(company, split.dates().get(SPLIT_DAY - 20)).history();
        StockHistory afterSplit = reports.read(company, split.dates().get(SPLIT_DAY + 20)).history();

        assertThat(latest.size()).isEqualTo(DAYS);
        for (int day = 0; day < DAYS; day += 7) {
            assertThat(latest.closes()[day]).isCloseTo(close[day], within(1e-9 * close[day]));
        }
        // As of a day before the split: its own prices, nothing rescaled by what came later.
        assertThat(beforeSplit.closes()[SPLIT_DAY - 20]).isEqualTo((double) split.close()[SPLIT_DAY - 20]);
        assertThat(beforeSplit.closes()[3]).isEqualTo((double) split.close()[3]);
        // As of a day after the split: the split applies, the later dividend does not (split-adjusted anyway).
        assertThat(afterSplit.closes()[3]).isCloseTo(close[3], within(1e-9 * close[3]));
        assertThat(afterSplit.closes()[SPLIT_DAY + 20]).isEqualTo((double) split.close()[SPLIT_DAY + 20]);
    }

    @Test
    void aNewActionMakesTheNextIncrementalRunRecomputeThatStockOnly() throws SQLException {
        LocalDate first = LocalDate.of(2016, 1, 4);
        Series jumped = splitStock("AINV01", first, 261, 62);
        Series other = MarketSeed.randomWalk("AINV02", first, 261, 63, 0, 0);
        MarketSeed.insert(head(jumped, 260), head(other, 260));
        indicators.computeRange(first, jumped.dates().get(259));
        Map<LocalDate, OffsetDateTime> otherComputed = computedAt(other.code());
        assertThat(otherComputed).hasSize(260);
        // The corporate-actions job derives the split from the collected prices: factors and a first version.
        MarketSeed.factors(jumped.code(), 1, new FactorStep(jumped.dates().get(SPLIT_DAY), 1.0 / RATIO, 1.0 / RATIO));
        MarketSeed.insert(jumped, other);
        LocalDate newDay = jumped.dates().getLast();

        indicators.computeDay(newDay);

        assertAllRowsMatch(jumped, splitAdjusted(jumped.close()), splitAdjustedVolumes(jumped.volume()));
        assertThat(recordedVersion(jumped.code())).isEqualTo(1L);
        Map<LocalDate, OffsetDateTime> otherAfter = computedAt(other.code());
        assertThat(otherAfter).hasSize(261).containsAllEntriesOf(otherComputed);
        assertMatchesTextbook(other.code(), TextbookIndicators.asDoubles(other.close()),
                TextbookIndicators.asDoubles(other.volume()), 260, stored(other.code()).get(newDay));
        assertThat(recordedVersion(other.code())).isNull();

        // A second action found later (a 2:1 split on day 100) moves the version: the same day run again recomputes.
        MarketSeed.factors(jumped.code(), 2, new FactorStep(jumped.dates().get(100), 0.5 / RATIO, 0.5 / RATIO),
                new FactorStep(jumped.dates().get(SPLIT_DAY), 1.0 / RATIO, 1.0 / RATIO));

        indicators.computeDay(newDay);

        double[] close = splitAdjusted(jumped.close());
        double[] volume = splitAdjustedVolumes(jumped.volume());
        for (int day = 0; day < 100; day++) {
            close[day] /= 2;
            volume[day] *= 2;
        }
        assertAllRowsMatch(jumped, close, volume);
        assertThat(recordedVersion(jumped.code())).isEqualTo(2L);
        assertThat(computedAt(other.code())).isEqualTo(otherAfter);
    }

    @Test
    void withoutTheFactorTablesPricesAreUnadjustedAndNothingFails() throws SQLException {
        LocalDate first = LocalDate.of(2011, 1, 3);
        Series jumped = splitStock("AMIS01", first, 200, 64);
        MarketSeed.insert(jumped);
        MarketSeed.factors(jumped.code(), 1, steps(jumped));
        try {
            MarketSeed.execute("ALTER TABLE market.adjustment_factors RENAME TO adjustment_factors_hidden;"
                    + " ALTER TABLE market.adjustment_versions RENAME TO adjustment_versions_hidden");

            indicators.computeRange(first, jumped.dates().getLast());

            assertAllRowsMatch(jumped, TextbookIndicators.asDoubles(jumped.close()),
                    TextbookIndicators.asDoubles(jumped.volume()));
            assertThat(recordedVersion(jumped.code())).isNull();
            SampleSet set = samples.read(jumped.dates().get(SPLIT_DAY - 80), jumped.dates().getLast());
            double rawReturn = features(set, rowsOf(set, jumped).get(SPLIT_DAY))[Features.NAMES.indexOf("return_1d")];
            assertThat(rawReturn).isCloseTo((double) jumped.close()[SPLIT_DAY] / jumped.close()[SPLIT_DAY - 1] - 1,
                    within(1e-12));
            assertThat(predictions.outcomes(first, jumped.dates().getLast())).isNotNull();
        } finally {
            MarketSeed.execute("ALTER TABLE market.adjustment_factors_hidden RENAME TO adjustment_factors;"
                    + " ALTER TABLE market.adjustment_versions_hidden RENAME TO adjustment_versions");
        }

        // Once the scheduler has the tables, the stock has a version its rows were not computed under.
        indicators.computeDay(jumped.dates().getLast());

        assertAllRowsMatch(jumped, splitAdjusted(jumped.close()), splitAdjustedVolumes(jumped.volume()));
        assertThat(recordedVersion(jumped.code())).isEqualTo(1L);
    }

    /**
     * A seeded walk of the value of one of today's shares, listed as KRX lists it: before the split day one share
     * was {@link #RATIO} of today's, at {@code RATIO} times the price and a {@code RATIO}th of the traded shares.
     */
    private static Series splitStock(String code, LocalDate first, int days, long seed) {
        Series walk = MarketSeed.randomWalk(code, first, days, seed, 0, 0);
        long[] close = new long[days];
        long[] volume = new long[days];
        for (int i = 0; i < days; i++) {
            close[i] = i < SPLIT_DAY ? walk.close()[i] * RATIO : walk.close()[i];
            volume[i] = i < SPLIT_DAY ? walk.volume()[i] : walk.volume()[i] * RATIO;
        }
        return new Series(code, walk.dates(), close, volume);
    }

    /** The split on SPLIT_DAY and, when the series reaches it, a cash dividend on DIVIDEND_DAY. */
    private static FactorStep[] steps(Series s) {
        if (s.close().length <= DIVIDEND_DAY) {
            return new FactorStep[] { new FactorStep(s.dates().get(SPLIT_DAY), 1.0 / RATIO, 1.0 / RATIO) };
        }
        double dividend = dividendFactor(s);
        return new FactorStep[] { new FactorStep(s.dates().get(SPLIT_DAY), 1.0 / RATIO, dividend / RATIO),
                new FactorStep(s.dates().get(DIVIDEND_DAY), 1, dividend) };
    }

    private static double dividendFactor(Series s) {
        double previousClose = s.close()[DIVIDEND_DAY - 1];
        return (previousClose - DIVIDEND) / previousClose;
    }

    private static double[] splitAdjusted(long[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = i < SPLIT_DAY ? raw[i] / (double) RATIO : raw[i];
        }
        return out;
    }

    private static double[] splitAdjustedVolumes(long[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = i < SPLIT_DAY ? raw[i] * (double) RATIO : raw[i];
        }
        return out;
    }

    /** Split-adjusted, and the days before the dividend's ex-date times (P - d) / P. */
    private static double[] totalAdjusted(Series s) {
        double[] out = splitAdjusted(s.close());
        double dividend = dividendFactor(s);
        for (int i = 0; i < DIVIDEND_DAY; i++) {
            out[i] *= dividend;
        }
        return out;
    }

    private static void assertAllRowsMatch(Series s, double[] close, double[] volume) throws SQLException {
        Map<LocalDate, Map<String, Double>> rows = stored(s.code());
        assertThat(rows).hasSize(s.close().length);
        for (int day = 0; day < s.close().length; day++) {
            assertMatchesTextbook(s.code(), close, volume, day, rows.get(s.dates().get(day)));
        }
    }

    private static Series head(Series s, int days) {
        return new Series(s.code(), s.dates().subList(0, days), Arrays.copyOf(s.close(), days),
                Arrays.copyOf(s.volume(), days));
    }

    private static Map<Integer, Integer> rowsOf(SampleSet set, Series s) {
        Map<Integer, Integer> rows = new HashMap<>();
        for (int row = 0; row < set.size(); row++) {
            if (set.code(row).equals(s.code())) {
                rows.put(s.dates().indexOf(LocalDate.ofEpochDay(set.epochDay(row))), row);
            }
        }
        return rows;
    }

    private static double[] features(SampleSet set, int row) {
        return Arrays.copyOfRange(set.features(), row * Features.COUNT, (row + 1) * Features.COUNT);
    }

    private static Long recordedVersion(String code) throws SQLException {
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT version FROM analytics.indicator_adjustment_versions WHERE code = ?")) {
            statement.setString(1, code);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static Map<LocalDate, OffsetDateTime> computedAt(String code) throws SQLException {
        Map<LocalDate, OffsetDateTime> times = new HashMap<>();
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT trade_date, computed_at FROM analytics.indicators WHERE code = ?")) {
            statement.setString(1, code);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getObject(1, LocalDate.class), rs.getObject(2, OffsetDateTime.class));
                }
            }
        }
        return times;
    }
}
