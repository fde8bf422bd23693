package io.kmarket.api.predictions.rest;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A trained model version; {@code metrics} are its training metrics as ml-service stored them. */
@RegisterForReflection
public record ModelView(long id, String name, String version, String algorithm, LocalDate trainFrom, LocalDate trainTo,
        JsonNode metrics) {
}
