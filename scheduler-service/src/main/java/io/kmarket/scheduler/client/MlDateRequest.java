package io.kmarket.scheduler.client;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of ml-service's run-starting endpoints for one date. */
@RegisterForReflection
public record MlDateRequest(LocalDate date) {
}
