package io.kmarket.ml.predictions;

import static io.kmarket.ml.support.InternalApi.internal;
import static io.kmarket.ml.support.InternalApi.runToCompletion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.ml.support.InternalApi;
import io.kmarket.ml.support.MarketSeed;
import io.kmarket.ml.support.MarketSeed.Series;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Training, prediction and evaluation over HTTP on seeded prices: ten stocks that strictly alternate up and
 * down (learnable, and the worst case for "yesterday's direction") and ten random walks (not learnable).
 */
@QuarkusTest
class PredictionTest {

    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    private static final int DAYS = 200;
    private static final List<Series> SERIES = new ArrayList<>();
    private static List<LocalDate> days;

    @BeforeAll
    static void seed() throws SQLException {
        for (int s = 0; s < 10; s++) {
            long[] close = new long[DAYS];
            long[] volume = new long[DAYS];
            for (int i = 0; i < DAYS; i++) {
                close[i] = 10_000 + s * 1_000 + (i % 2 == 0 ? 0 : 300 + 10 * s) + i * 5L;
                volume[i] = 100_000 + (i * 7919L + s * 104_729L) % 50_000;
            }
            SERIES.add(MarketSeed.of(String.format("PALT%02d", s), FIRST, close, volume));
            SERIES.add(MarketSeed.randomWalk(String.format("PRND%02d", s), FIRST, DAYS, 100 + s, 0, 0));
        }
        MarketSeed.insert(SERIES.toArray(Series[]::new));
        days = SERIES.getFirst().dates();
    }

    @Test
    void trainsWalkForwardWithoutLookingAheadPredictsAndEvaluatesAgainstBaselines() throws SQLException {
        assertThat(runToCompletion("/internal/indicators/compute", range(days.getFirst(), days.getLast()))
                .getString("status")).isEqualTo("succeeded");
        LocalDate trainTo = days.get(150);

        JsonPath trained = runToCompletion("/internal/predictions/train", range(days.getFirst(), trainTo));

        assertThat(trained.getString("status")).isEqualTo("succeeded");
        assertThat(trained.getString("kind")).isEqualTo("train");
        Map<String, String> model = model(days.getFirst() + ".." + trainTo);
        assertThat(model.get("train_to")).isEqualTo(trainTo.toString());
        assertThat(model.get("features")).contains("return_1d", "rsi14_centered");
        JsonPath metrics = JsonPath.from(model.get("metrics"));
        double modelAccuracy = metrics.getDouble("model.accuracy");
        double alwaysUp = metrics.getDouble("alwaysUp.accuracy");
        double yesterday = metrics.getDouble("yesterday.accuracy");
        // Half the stocks alternate: the model can learn them, yesterday's direction is always wrong on them.
        assertThat(modelAccuracy).isGreaterThan(0.7);
        assertThat(yesterday).isLessThan(0.4);
        assertThat(metrics.getBoolean("beatsBaselines")).isTrue();
        assertThat(metrics.getInt("model.samples")).isEqualTo(metrics.getInt("alwaysUp.samples"))
                .isEqualTo(metrics.getInt("yesterday.samples")).isPositive();
        assertThat(trained.getLong("records")).isEqualTo(metrics.getLong("trainingSamples"));

        // No look-ahead: prices after the window change completely, the retrained model does not.
        MarketSeed.execute("UPDATE market.daily_prices SET close = close * 3 + 17 WHERE code LIKE 'P%'"
                + " AND trade_date > '" + trainTo + "'");
        runToCompletion("/internal/indicators/compute", range(trainTo.plusDays(1), days.getLast()));
        runToCompletion("/internal/predictions/train", range(days.getFirst(), trainTo));
        Map<String, String> retrained = model(days.getFirst() + ".." + trainTo);
        assertThat(retrained.get("parameters")).isEqualTo(model.get("parameters"));
        assertThat(retrained.get("metrics")).isEqualTo(model.get("metrics"));
        assertThat(retrained.get("id")).isEqualTo(model.get("id"));

        LocalDate predictDay = days.get(160);
        JsonPath predicted = runToCompletion("/internal/predictions/predict", date(predictDay));
        assertThat(predicted.getString("status")).isEqualTo("succeeded");
        assertThat(predicted.getLong("records")).isEqualTo(20);
        Map<String, Double> probabilities = probabilities(predictDay, Long.parseLong(model.get("id")));
        assertThat(probabilities).hasSize(20).allSatisfy((code, p) -> assertThat(p).isBetween(0.0, 1.0));

        LocalDate outcomeDay = days.get(161);
        assertThat(runToCompletion("/internal/predictions/evaluate", date(outcomeDay)).getString("status"))
                .isEqualTo("succeeded");
        assertDailyEvaluationMatches(Long.parseLong(model.get("id")), predictDay, outcomeDay, probabilities);
    }

    @Test
    void predictingADayNoModelWasTrainedForIsAConflictNotARun() {
        LocalDate beforeAnyModel = FIRST.minusYears(5);
        internal().body(date(beforeAnyModel)).post("/internal/predictions/predict")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("model trained on data up to " + beforeAnyModel))
                .body("detail", containsString("train one first"));
    }

    @Test
    void trainingAcceptsABarePostWithoutBodyOrContentType() {
        String runId = given().header("X-Internal-Token", InternalApi.TOKEN)
                .post("/internal/predictions/train").then().statusCode(202).extract().path("runId");
        await().atMost(Duration.ofSeconds(60)).until(
                () -> !"running".equals(internal().get("/internal/runs/" + runId).path("status")));
        assertThat(internal().get("/internal/runs/" + runId).path("kind").toString()).isEqualTo("train");
    }

    @Test
    void badBodiesAreProblems() {
        internal().body("{\"from\":\"2020-01-01\",\"to\":\"2019-01-01\"}").post("/internal/predictions/train")
                .then().statusCode(400).contentType("application/problem+json");
        internal().body("{}").post("/internal/predictions/predict")
                .then().statusCode(400).contentType("application/problem+json");
        internal().body("{\"from\":\"2020-01-01\",\"to\":\"2020-02-01\"}").post("/internal/predictions/evaluate")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** The day's aggregate, recomputed here from the seeded closes and the stored probabilities. */
    private static void assertDailyEvaluationMatches(long modelId, LocalDate predictDay, LocalDate outcomeDay,
            Map<String, Double> probabilities) throws SQLException {
        int index = days.indexOf(predictDay);
        int ups = 0;
        int modelCorrect = 0;
        int yesterdayCorrect = 0;
        double brier = 0;
        for (Series s : SERIES) {
            long before = actualClose(s.code(), days.get(index - 1));
            long close = actualClose(s.code(), predictDay);
            long next = actualClose(s.code(), outcomeDay);
            boolean up = next > close;
            double p = probabilities.get(s.code());
            ups += up ? 1 : 0;
            modelCorrect += (p >= 0.5) == up ? 1 : 0;
            yesterdayCorrect += (close > before) == up ? 1 : 0;
            brier += Math.pow(p - (up ? 1 : 0), 2);
        }
        Map<String, double[]> stored = evaluations(modelId, outcomeDay, 1);
        assertThat(stored).containsOnlyKeys("model", "always_up", "yesterday");
        assertThat(stored.get("model")[0]).isEqualTo(20);
        assertThat(stored.get("always_up")[1]).isCloseTo(ups / 20.0, within(1e-12));
        assertThat(stored.get("always_up")[2]).as("brier of a certain 'up'").isCloseTo(1 - ups / 20.0, within(1e-12));
        assertThat(stored.get("model")[1]).isCloseTo(modelCorrect / 20.0, within(1e-12));
        assertThat(stored.get("model")[2]).isCloseTo(brier / 20, within(1e-12));
        assertThat(stored.get("yesterday")[1]).isCloseTo(yesterdayCorrect / 20.0, within(1e-12));
    }

    private static Map<String, String> model(String version) throws SQLException {
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement("SELECT id::text, train_to::text,"
                        + " features::text, parameters::text, metrics::text FROM analytics.model_versions"
                        + " WHERE version = ?")) {
            statement.setString(1, version);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("model " + version + " stored").isTrue();
                return Map.of("id", rs.getString(1), "train_to", rs.getString(2), "features", rs.getString(3),
                        "parameters", rs.getString(4), "metrics", rs.getString(5));
            }
        }
    }

    private static Map<String, Double> probabilities(LocalDate day, long modelId) throws SQLException {
        Map<String, Double> result = new HashMap<>();
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement("SELECT code, prob_up, predicted_up,"
                        + " target_date FROM analytics.predictions WHERE trade_date = ? AND model_id = ?")) {
            statement.setObject(1, day);
            statement.setLong(2, modelId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getBoolean(3)).isEqualTo(rs.getDouble(2) >= 0.5);
                    assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(days.get(days.indexOf(day) + 1));
                    result.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return result;
    }

    /** strategy -> {samples, accuracy, brier}. */
    private static Map<String, double[]> evaluations(long modelId, LocalDate day, int window) throws SQLException {
        Map<String, double[]> result = new HashMap<>();
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement("SELECT strategy, samples, accuracy,"
                        + " brier FROM analytics.prediction_evaluations WHERE model_id = ? AND eval_date = ?"
                        + " AND window_days = ?")) {
            statement.setLong(1, modelId);
            statement.setObject(2, day);
            statement.setInt(3, window);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), new double[] { rs.getInt(2), rs.getDouble(3), rs.getDouble(4) });
                }
            }
        }
        return result;
    }

    private static long actualClose(String code, LocalDate day) throws SQLException {
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT close FROM market.daily_prices WHERE code = ? AND trade_date = ?")) {
            statement.setString(1, code);
            statement.setObject(2, day);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String range(LocalDate from, LocalDate to) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    private static String date(LocalDate day) {
        return "{\"date\":\"" + day + "\"}";
    }
}
