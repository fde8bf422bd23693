package io.kmarket.ml.reports;

import java.util.List;

import jakarta.persistence.EnumeratedValue;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How a report stands. The value is what analytics.reports.status holds (its CHECK constraint lists exactly these)
 * and what GET /internal/reports/{id} shows api-service. Registered for reflection because Jackson reads the value
 * through {@link #value()} and Hibernate through the field, also in a native executable.
 */
@RegisterForReflection
public enum ReportStatus {
    PENDING("pending"),
    RUNNING("running"),
    DONE("done"),
    FAILED("failed");

    /** Accepted and not finished: the states the partial unique index reports_one_pending_idx covers. */
    public static final List<ReportStatus> UNFINISHED = List.of(PENDING, RUNNING);

    @EnumeratedValue
    private final String value;

    ReportStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
