package io.kmarket.api.predictions.rest;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A model's accuracy measured on predictions whose outcome is known. */
@RegisterForReflection
public record EvaluationView(LocalDate evalDate, int windowDays, String strategy, int samples, Double accuracy,
        Double precisionUp, Double recallUp, Double brier) {
}
