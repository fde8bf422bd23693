package io.kmarket.ml.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.ml.service.predictions.StrategyScore;

/** analytics.predictions and analytics.prediction_evaluations: batched upserts on their natural keys. */
@ApplicationScoped
public class PredictionRepository {

    public record Prediction(String code, double probabilityUp) {
    }

    /** A stored prediction whose next trading day has closed: the close before, on and after the day. */
    public record Outcome(long modelId, LocalDate outcomeDate, double probabilityUp, double close,
            double nextClose, Double previousClose) {

        public boolean up() {
            return nextClose > close;
        }
    }

    public record Evaluation(long modelId, LocalDate evalDate, int windowDays, String strategy, StrategyScore score) {
    }

    private static final int BATCH = 1_000;

    private final DataSource dataSource;

    PredictionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int savePredictions(long modelId, LocalDate tradeDate, LocalDate targetDate, List<Prediction> predictions)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO analytics.predictions (code, trade_date, model_id, target_date, prob_up, predicted_up)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (code, trade_date, model_id) DO UPDATE SET target_date = EXCLUDED.target_date,
                            prob_up = EXCLUDED.prob_up, predicted_up = EXCLUDED.predicted_up, created_at = now()""")) {
            connection.setAutoCommit(false);
            int pending = 0;
            for (Prediction prediction : predictions) {
                statement.setString(1, prediction.code());
                statement.setObject(2, tradeDate);
                statement.setLong(3, modelId);
                statement.setObject(4, targetDate);
                statement.setDouble(5, prediction.probabilityUp());
                statement.setBoolean(6, prediction.probabilityUp() >= 0.5);
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            statement.executeBatch();
            connection.commit();
            connection.setAutoCommit(true);
            return predictions.size();
        }
    }

    /**
     * Predictions made on days {@code from..evalDate} whose next trading day closed by {@code evalDate}. The
     * outcome day is the stock's next stored price day, not the target date guessed at prediction time, so an
     * unforeseen holiday does not lose the outcome.
     */
    public List<Outcome> outcomes(LocalDate from, LocalDate evalDate) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT pr.model_id, n.trade_date, pr.prob_up, t.close, n.close, y.close
                        FROM analytics.predictions pr
                        JOIN market.daily_prices t ON t.code = pr.code AND t.trade_date = pr.trade_date
                        CROSS JOIN LATERAL (SELECT trade_date, close FROM market.daily_prices x
                            WHERE x.code = pr.code AND x.trade_date > pr.trade_date AND x.close > 0
                            ORDER BY x.trade_date LIMIT 1) n
                        LEFT JOIN LATERAL (SELECT close FROM market.daily_prices x
                            WHERE x.code = pr.code AND x.trade_date < pr.trade_date AND x.close > 0
                            ORDER BY x.trade_date DESC LIMIT 1) y ON true
                        WHERE pr.trade_date BETWEEN ? AND ? AND n.trade_date <= ?""")) {
            statement.setObject(1, from);
            statement.setObject(2, evalDate);
            statement.setObject(3, evalDate);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long previous = rs.getLong(6);
                    outcomes.add(new Outcome(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getDouble(3),
                            rs.getLong(4), rs.getLong(5), rs.wasNull() ? null : (double) previous));
                }
            }
        }
        return outcomes;
    }

    public void saveEvaluations(List<Evaluation> evaluations) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO analytics.prediction_evaluations (model_id, eval_date, window_days, strategy,
                            samples, accuracy, precision_up, recall_up, brier)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (model_id, eval_date, window_days, strategy) DO UPDATE SET
                            samples = EXCLUDED.samples, accuracy = EXCLUDED.accuracy,
                            precision_up = EXCLUDED.precision_up, recall_up = EXCLUDED.recall_up,
                            brier = EXCLUDED.brier, computed_at = now()""")) {
            for (Evaluation evaluation : evaluations) {
                StrategyScore score = evaluation.score();
                statement.setLong(1, evaluation.modelId());
                statement.setObject(2, evaluation.evalDate());
                statement.setInt(3, evaluation.windowDays());
                statement.setString(4, evaluation.strategy());
                statement.setInt(5, score.samples());
                setNullable(statement, 6, score.accuracy());
                setNullable(statement, 7, score.precisionUp());
                setNullable(statement, 8, score.recallUp());
                setNullable(statement, 9, score.brier());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
