package io.kmarket.scheduler.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A run of ml-service (indicators, training, prediction, evaluation) as its internal API reports it. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MlRun(String runId, String kind, String status, Long records, Instant startedAt, Instant finishedAt,
        String error) {

    public boolean running() {
        return "running".equals(status);
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}
