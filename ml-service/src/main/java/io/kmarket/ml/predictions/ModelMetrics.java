package io.kmarket.ml.predictions;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Walk-forward validation of a model version inside its training window, next to the naive baselines on the
 * very same samples; {@code verdict} says in words whether the model beat them.
 */
@RegisterForReflection
public record ModelMetrics(int trainingSamples, int folds, StrategyScore model, StrategyScore alwaysUp,
        StrategyScore yesterday, boolean beatsBaselines, String verdict) {

    static ModelMetrics of(int trainingSamples, int folds, Scores model, Scores alwaysUp, Scores yesterday) {
        StrategyScore m = StrategyScore.of(model);
        StrategyScore up = StrategyScore.of(alwaysUp);
        StrategyScore y = StrategyScore.of(yesterday);
        if (m.accuracy() == null) {
            return new ModelMetrics(trainingSamples, folds, m, up, y, false,
                    "not enough history to validate: no walk-forward samples");
        }
        double best = Math.max(up.accuracy(), y.accuracy());
        boolean beats = m.accuracy() > best;
        String verdict = String.format("walk-forward accuracy %.4f vs always-up %.4f and yesterday's direction %.4f:"
                + " %s", m.accuracy(), up.accuracy(), y.accuracy(),
                beats ? "beats both baselines" : "does NOT beat the best baseline");
        return new ModelMetrics(trainingSamples, folds, m, up, y, beats, verdict);
    }
}
