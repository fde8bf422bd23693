package io.kmarket.api.predictions.rest;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The latest prediction for a stock, the model that made it and that model's measured accuracy. */
@RegisterForReflection
public record PredictionView(String code, LocalDate tradeDate, LocalDate targetDate, double probUp, boolean predictedUp,
        ModelView model, List<EvaluationView> evaluations) {
}
