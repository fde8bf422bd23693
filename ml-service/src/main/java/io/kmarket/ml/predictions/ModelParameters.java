package io.kmarket.ml.predictions;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A fitted model as stored in analytics.model_versions.parameters: enough to predict again later. */
@RegisterForReflection
public record ModelParameters(double l2, double[] mean, double[] scale, double[] weights, double bias) {

    static ModelParameters of(double l2, LogisticRegression model) {
        return new ModelParameters(l2, model.mean(), model.scale(), model.weights(), model.bias());
    }

    LogisticRegression model() {
        return new LogisticRegression(mean, scale, weights, bias);
    }
}
