package io.kmarket.ml.predictions.store;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.market.store.AdjustmentReader;
import io.kmarket.ml.predictions.StrategyScore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** analytics.predictions and analytics.prediction_evaluations: batched upserts on their natural keys. */
@ApplicationScoped
public class PredictionRepository {

    public record Prediction(String code, double probabilityUp) {
    }

    /** A stored prediction whose next trading day has closed: the total-adjusted close before, on and after the day. */
    public record Outcome(long modelId, LocalDate outcomeDate, double probabilityUp, double close,
            double nextClose, Double previousClose) {

        public boolean up() {
            return nextClose > close;
        }
    }

    public record Evaluation(long modelId, LocalDate evalDate, int windowDays, String strategy, StrategyScore score) {
    }

    private static final String UPSERT_PREDICTION = """
            INSERT INTO analytics.predictions (code, trade_date, model_id, target_date, prob_up, predicted_up)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (code, trade_date, model_id) DO UPDATE SET target_date = EXCLUDED.target_date,
                prob_up = EXCLUDED.prob_up, predicted_up = EXCLUDED.predicted_up, created_at = now()""";

    /**
     * Closes total-adjusted (as the model's labels are), so that a split or an ex-dividend day between a prediction
     * and its outcome is not scored as a fall: each close times its stock's factor step with the smallest ex-date
     * after the close's day (none: 1).
     */
    private static final String OUTCOMES = """
            SELECT pr.model_id, n.trade_date, pr.prob_up, t.close * %1$s, n.close * %2$s, y.close * %3$s
            FROM analytics.predictions pr
            JOIN market.daily_prices t ON t.code = pr.code AND t.trade_date = pr.trade_date
            CROSS JOIN LATERAL (SELECT trade_date, close FROM market.daily_prices x
                WHERE x.code = pr.code AND x.trade_date > pr.trade_date AND x.close > 0
                ORDER BY x.trade_date LIMIT 1) n
            LEFT JOIN LATERAL (SELECT trade_date, close FROM market.daily_prices x
                WHERE x.code = pr.code AND x.trade_date < pr.trade_date AND x.close > 0
                ORDER BY x.trade_date DESC LIMIT 1) y ON true
            WHERE pr.trade_date BETWEEN ? AND ? AND n.trade_date <= ?""";
    private static final String FACTOR_AFTER = "coalesce((SELECT f.total_factor FROM %s f WHERE f.code = pr.code"
            + " AND f.ex_date > %s.trade_date ORDER BY f.ex_date LIMIT 1), 1)";

    private static final String UPSERT_EVALUATION = """
            INSERT INTO analytics.prediction_evaluations (model_id, eval_date, window_days, strategy,
                samples, accuracy, precision_up, recall_up, brier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (model_id, eval_date, window_days, strategy) DO UPDATE SET
                samples = EXCLUDED.samples, accuracy = EXCLUDED.accuracy,
                precision_up = EXCLUDED.precision_up, recall_up = EXCLUDED.recall_up,
                brier = EXCLUDED.brier, computed_at = now()""";

    private final Jdbc jdbc;
    private final AdjustmentReader adjustments;

    PredictionRepository(Jdbc jdbc, AdjustmentReader adjustments) {
        this.jdbc = jdbc;
        this.adjustments = adjustments;
    }

    /** The day's predictions of one model, all or none. */
    public int savePredictions(long modelId, LocalDate tradeDate, LocalDate targetDate, List<Prediction> predictions) {
        return QuarkusTransaction.joiningExisting().call(() -> jdbc.batch(UPSERT_PREDICTION, predictions,
                p -> new Object[] { p.code(), tradeDate, modelId, targetDate, p.probabilityUp(),
                        p.probabilityUp() >= 0.5 }));
    }

    /**
     * Predictions made on days {@code from..evalDate} whose next trading day closed by {@code evalDate}. The
     * outcome day is the stock's next stored price day, not the target date guessed at prediction time, so an
     * unforeseen holiday does not lose the outcome.
     */
    public List<Outcome> outcomes(LocalDate from, LocalDate evalDate) {
        String factors = adjustments.factorsRelation();
        String sql = OUTCOMES.formatted(FACTOR_AFTER.formatted(factors, "t"), FACTOR_AFTER.formatted(factors, "n"),
                FACTOR_AFTER.formatted(factors, "y"));
        return jdbc.query(sql, rs -> new Outcome(rs.getLong(1), Jdbc.date(rs, 2), rs.getDouble(3), rs.getDouble(4),
                rs.getDouble(5), Jdbc.nullableDouble(rs, 6)), from, evalDate, evalDate);
    }

    /** A day's evaluations, all or none. */
    public void saveEvaluations(List<Evaluation> evaluations) {
        QuarkusTransaction.joiningExisting().run(() -> jdbc.batch(UPSERT_EVALUATION, evaluations, e -> {
            StrategyScore score = e.score();
            return new Object[] { e.modelId(), e.evalDate(), e.windowDays(), e.strategy(), score.samples(),
                    score.accuracy(), score.precisionUp(), score.recallUp(), score.brier() };
        }));
    }
}
