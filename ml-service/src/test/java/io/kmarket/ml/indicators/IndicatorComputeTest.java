package io.kmarket.ml.indicators;

import static io.kmarket.ml.support.InternalApi.internal;
import static io.kmarket.ml.support.InternalApi.runToCompletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.kmarket.ml.support.MarketSeed;
import io.kmarket.ml.support.MarketSeed.Series;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Indicators computed through the internal API and stored, checked against {@link TextbookIndicators}. */
@QuarkusTest
class IndicatorComputeTest {

    private static final LocalDate FIRST = LocalDate.of(2023, 1, 2);

    @Test
    void rangeComputeMatchesTheTextbookDefinitionsIncludingAHalt() throws SQLException {
        Series series = MarketSeed.randomWalk("IRNG01", FIRST, 260, 42, 120, 5);
        MarketSeed.insert(series);

        JsonPath run = runToCompletion("/internal/indicators/compute",
                body(series.dates().getFirst(), series.dates().getLast()));

        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getLong("records")).isGreaterThanOrEqualTo(260);
        assertThat(run.getString("kind")).isEqualTo("indicators");
        assertThat(run.getString("finishedAt")).isNotNull();
        Map<LocalDate, Map<String, Double>> stored = stored(series.code());
        assertThat(stored).hasSize(260);
        for (int day = 0; day < 260; day++) {
            assertMatchesTextbook(series, day, stored.get(series.dates().get(day)));
        }
        // The halt: volume 0 gives a ratio of 0 while the 20-day average still has traded days in it.
        assertThat(stored.get(series.dates().get(121)).get("volume_ratio")).isZero();
    }

    @Test
    void recomputingARangeOverwritesInPlace() throws SQLException {
        Series series = MarketSeed.randomWalk("IRRN01", FIRST, 80, 43, 0, 0);
        MarketSeed.insert(series);
        runToCompletion("/internal/indicators/compute", body(series.dates().getFirst(), series.dates().getLast()));
        series.close()[70] += 1_000;
        MarketSeed.insert(series);

        runToCompletion("/internal/indicators/compute", body(series.dates().getFirst(), series.dates().getLast()));

        Map<LocalDate, Map<String, Double>> stored = stored(series.code());
        assertThat(stored).hasSize(80);
        for (int day = 0; day < 80; day++) {
            assertMatchesTextbook(series, day, stored.get(series.dates().get(day)));
        }
    }

    @Test
    void handComputedValuesOfAShortSeries() throws SQLException {
        long[] close = {10_000, 11_000, 12_000, 11_000, 13_000, 14_000, 13_000, 15_000, 16_000, 15_000, 17_000,
                18_000, 17_000, 19_000, 20_000, 19_000, 20_000, 21_000, 22_000, 23_000};
        long[] volume = new long[close.length];
        java.util.Arrays.fill(volume, 1_000);
        Series series = MarketSeed.of("IHND01", FIRST, close, volume);
        MarketSeed.insert(series);

        runToCompletion("/internal/indicators/compute", body(series.dates().getFirst(), series.dates().getLast()));

        Map<LocalDate, Map<String, Double>> stored = stored(series.code());
        IntFunction<Map<String, Double>> day = i -> stored.get(series.dates().get(i));
        assertThat(day.apply(3).get("sma5")).isNull();
        assertThat(day.apply(4).get("sma5")).isCloseTo(11_400, within(1e-9));
        assertThat(day.apply(10).get("ema12")).isNull();
        assertThat(day.apply(11).get("ema12")).isCloseTo(13_750, within(1e-9));
        assertThat(day.apply(12).get("ema12")).isCloseTo(14_250, within(1e-9));
        assertThat(day.apply(13).get("rsi14")).isNull();
        // 14 changes: gains 14, losses 4 -> RS 3.5; then a loss of 1: (13 / 14) / (66 / 196).
        assertThat(day.apply(14).get("rsi14")).isCloseTo(100 - 100 / 4.5, within(1e-9));
        assertThat(day.apply(15).get("rsi14")).isCloseTo(73.38709677419355, within(1e-9));
        assertThat(day.apply(19).get("bb_middle")).isCloseTo(mean(close), within(1e-9));
        assertThat(day.apply(19).get("volume_ratio")).isCloseTo(1.0, within(1e-12));
        assertThat(day.apply(19).get("sma50")).isNull();
        assertThat(day.apply(19).get("macd")).isNull();
    }

    @Test
    void bollingerBandsOfOneToTwentyUseThePopulationDeviation() throws SQLException {
        long[] close = new long[20];
        long[] volume = new long[20];
        for (int i = 0; i < 20; i++) {
            close[i] = (i + 1) * 1_000L;
            volume[i] = 0;
        }
        Series series = MarketSeed.of("IBOL01", FIRST, close, volume);
        MarketSeed.insert(series);

        runToCompletion("/internal/indicators/compute", body(series.dates().getFirst(), series.dates().getLast()));

        Map<String, Double> last = stored(series.code()).get(series.dates().getLast());
        // Population variance of 1..20 is (20^2 - 1) / 12 = 33.25 (in thousands squared).
        double width = 2 * Math.sqrt(33.25) * 1_000;
        assertThat(last.get("bb_upper")).isCloseTo(10_500 + width, within(1e-6));
        assertThat(last.get("bb_lower")).isCloseTo(10_500 - width, within(1e-6));
        assertThat(last.get("rsi14")).isEqualTo(100.0);
        assertThat(last.get("volume_ratio")).as("never traded: no ratio").isNull();
    }

    @Test
    void oneNewDayRollsForwardOrFallsBackToTheWholeHistory() throws SQLException {
        Series rolled = MarketSeed.randomWalk("IDAY01", FIRST, 240, 7, 200, 3);
        Series noState = MarketSeed.randomWalk("IDAY02", FIRST, 240, 8, 0, 0);
        Series young = MarketSeed.randomWalk("IDAY03", FIRST.plusYears(1), 30, 9, 0, 0);
        MarketSeed.insert(rolled, noState);
        LocalDate lastDay = rolled.dates().getLast();
        LocalDate dayBefore = rolled.dates().get(238);
        runToCompletion("/internal/indicators/compute", body(FIRST, dayBefore));
        MarketSeed.execute("DELETE FROM analytics.indicators WHERE code = 'IDAY02'");
        MarketSeed.insert(new Series(young.code(), shiftedToEndOn(young, lastDay), young.close(), young.volume()));

        JsonPath run = runToCompletion("/internal/indicators/compute", "{\"date\":\"" + lastDay + "\"}");

        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertMatchesTextbook(rolled, 239, stored(rolled.code()).get(lastDay));
        assertMatchesTextbook(noState, 239, stored(noState.code()).get(lastDay));
        assertThat(stored(noState.code())).as("the fallback writes only the requested day").hasSize(1);
        Map<String, Double> youngRow = stored(young.code()).get(lastDay);
        assertThat(youngRow.get("sma20")).isCloseTo(TextbookIndicators.sma(young.close(), 29, 20), within(1e-9));
        assertThat(youngRow.get("sma50")).isNull();
        assertThat(youngRow.get("macd")).isCloseTo(TextbookIndicators.macd(young.close(), 29), within(1e-6));
    }

    @Test
    void badBodiesAndUnknownRunsAreProblems() {
        internal().body("{\"from\":\"2024-02-01\",\"to\":\"2024-01-01\"}").post("/internal/indicators/compute")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("after"));
        internal().body("{\"from\":\"2024-02-01\"}").post("/internal/indicators/compute")
                .then().statusCode(400).contentType("application/problem+json");
        internal().body("{\"date\":\"yesterday\"}").post("/internal/indicators/compute")
                .then().statusCode(400).contentType("application/problem+json");
        internal().body("{}").post("/internal/indicators/compute")
                .then().statusCode(400).contentType("application/problem+json");
        internal().get("/internal/runs/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        internal().get("/internal/runs/not-a-uuid").then().statusCode(404);
    }

    private static void assertMatchesTextbook(Series s, int day, Map<String, Double> row) {
        assertMatchesTextbook(s.code(), TextbookIndicators.asDoubles(s.close()),
                TextbookIndicators.asDoubles(s.volume()), day, row);
    }

    /** The stored row of {@code day} against the definitions over the closes and volumes given. */
    static void assertMatchesTextbook(String code, double[] c, double[] volume, int day, Map<String, Double> row) {
        String at = code + " day " + day + " ";
        assertClose(at + "sma5", row.get("sma5"), TextbookIndicators.sma(c, day, 5));
        assertClose(at + "sma20", row.get("sma20"), TextbookIndicators.sma(c, day, 20));
        assertClose(at + "sma50", row.get("sma50"), TextbookIndicators.sma(c, day, 50));
        assertClose(at + "sma60", row.get("sma60"), TextbookIndicators.sma(c, day, 60));
        assertClose(at + "sma120", row.get("sma120"), TextbookIndicators.sma(c, day, 120));
        assertClose(at + "sma200", row.get("sma200"), TextbookIndicators.sma(c, day, 200));
        assertClose(at + "ema12", row.get("ema12"), TextbookIndicators.ema(c, day, 12));
        assertClose(at + "ema26", row.get("ema26"), TextbookIndicators.ema(c, day, 26));
        assertClose(at + "rsi14", row.get("rsi14"), TextbookIndicators.rsi(c, day));
        Double macd = TextbookIndicators.macd(c, day);
        Double signal = TextbookIndicators.macdSignal(c, day);
        assertClose(at + "macd", row.get("macd"), macd);
        assertClose(at + "macd_signal", row.get("macd_signal"), signal);
        assertClose(at + "macd_hist", row.get("macd_hist"), signal == null ? null : macd - signal);
        Double middle = TextbookIndicators.sma(c, day, 20);
        Double width = TextbookIndicators.bollingerWidth(c, day);
        assertClose(at + "bb_middle", row.get("bb_middle"), middle);
        assertClose(at + "bb_upper", row.get("bb_upper"), middle == null ? null : middle + width);
        assertClose(at + "bb_lower", row.get("bb_lower"), middle == null ? null : middle - width);
        assertClose(at + "volume_ratio", row.get("volume_ratio"), TextbookIndicators.volumeRatio(volume, day));
    }

    /** Relative tolerance: the recursions are evaluated in a different (equivalent) order than the textbook's. */
    private static void assertClose(String what, Double actual, Double expected) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        }
    }

    static Map<LocalDate, Map<String, Double>> stored(String code) throws SQLException {
        Map<LocalDate, Map<String, Double>> rows = new HashMap<>();
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT * FROM analytics.indicators WHERE code = ?")) {
            statement.setString(1, code);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Double> row = new HashMap<>();
                    for (String column : List.of("sma5", "sma20", "sma50", "sma60", "sma120", "sma200", "ema12",
                            "ema26", "rsi14", "macd", "macd_signal", "macd_hist", "bb_middle", "bb_upper",
                            "bb_lower", "volume_ratio")) {
                        double value = rs.getDouble(column);
                        row.put(column, rs.wasNull() ? null : value);
                    }
                    rows.put(rs.getObject("trade_date", LocalDate.class), row);
                }
            }
        }
        return rows;
    }

    private static List<LocalDate> shiftedToEndOn(Series series, LocalDate last) {
        List<LocalDate> dates = new java.util.ArrayList<>();
        for (int i = 0; i < series.close().length; i++) {
            dates.add(last.minusDays(series.close().length - 1 - i));
        }
        return dates;
    }

    private static double mean(long[] values) {
        double sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static String body(LocalDate from, LocalDate to) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }
}
