package io.kmarket.api.predictions.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.api.predictions.rest.EvaluationView;
import io.kmarket.api.predictions.rest.ModelView;
import io.kmarket.api.predictions.rest.PredictionView;
import io.kmarket.kit.jdbc.Jdbc;

/** The latest prediction of a stock, with its model and that model's latest evaluations. */
@ApplicationScoped
public class PredictionStore {

    private static final String LATEST = """
            SELECT p.code, p.trade_date, p.target_date, p.prob_up, p.predicted_up, m.id, m.name, m.version,
                   m.algorithm, m.train_from, m.train_to, m.metrics::text AS metrics
              FROM analytics.predictions p JOIN analytics.model_versions m ON m.id = p.model_id
             WHERE p.code = ?
             ORDER BY p.trade_date DESC, p.created_at DESC, p.model_id DESC
             LIMIT 1""";

    /** The model's evaluations of its most recent evaluation day, one per window and strategy. */
    private static final String LATEST_EVALUATIONS = """
            SELECT eval_date, window_days, strategy, samples, accuracy, precision_up, recall_up, brier
              FROM analytics.prediction_evaluations
             WHERE model_id = ?
               AND eval_date = (SELECT max(eval_date) FROM analytics.prediction_evaluations WHERE model_id = ?)
             ORDER BY window_days, strategy""";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    PredictionStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public PredictionView latest(String code) {
        PredictionView prediction = jdbc.first(LATEST, row -> new PredictionView(
                row.getString("code"), Jdbc.date(row, "trade_date"), Jdbc.date(row, "target_date"),
                row.getDouble("prob_up"), row.getBoolean("predicted_up"),
                new ModelView(row.getLong("id"), row.getString("name"), row.getString("version"),
                        row.getString("algorithm"), Jdbc.date(row, "train_from"), Jdbc.date(row, "train_to"),
                        parse(row.getString("metrics"))),
                List.of()), code).orElse(null);
        if (prediction == null) {
            return null;
        }
        long modelId = prediction.model().id();
        List<EvaluationView> evaluations = jdbc.query(LATEST_EVALUATIONS, row -> new EvaluationView(Jdbc.date(row, "eval_date"), row.getInt("window_days"), row.getString("strategy"),
                row.getInt("samples"), Jdbc.nullableDouble(row, "accuracy"), Jdbc.nullableDouble(row, "precision_up"),
                Jdbc.nullableDouble(row, "recall_up"), Jdbc.nullableDouble(row, "brier")), modelId, modelId);
        return new PredictionView(prediction.code(), prediction.tradeDate(), prediction.targetDate(),
                prediction.probUp(), prediction.predictedUp(), prediction.model(), evaluations);
    }

    private JsonNode parse(String metrics) {
        try {
            return json.readTree(metrics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("analytics.model_versions.metrics is not JSON", e);
        }
    }
}
