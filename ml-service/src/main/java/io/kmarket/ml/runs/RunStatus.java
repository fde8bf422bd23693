package io.kmarket.ml.runs;

import jakarta.persistence.EnumeratedValue;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How an analytics run stands. The value is what analytics.runs.status holds (its CHECK constraint lists exactly
 * these) and what GET /internal/runs/{id} shows the scheduler. Registered for reflection because Jackson reads
 * the value through {@link #value()} and Hibernate through the field, also in a native executable.
 */
@RegisterForReflection
public enum RunStatus {
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    @EnumeratedValue
    private final String value;

    RunStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
