package io.kmarket.ml.predictions;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One strategy's measured calls over a set of outcomes (stored as JSON in model metrics). */
@RegisterForReflection
public record StrategyScore(int samples, Double accuracy, Double precisionUp, Double recallUp, Double brier) {

    public static StrategyScore of(Scores scores) {
        return new StrategyScore(scores.samples(), scores.accuracy(), scores.precisionUp(), scores.recallUp(),
                scores.brier());
    }
}
