package io.kmarket.scheduler.client;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of ml-service's training endpoint: the window of trading dates to learn from. */
@RegisterForReflection
public record MlTrainRequest(LocalDate from, LocalDate to) {
}
