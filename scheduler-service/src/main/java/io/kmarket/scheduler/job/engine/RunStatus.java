package io.kmarket.scheduler.job.engine;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The states of a run; the value is what ops.job_runs.status stores. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED, SKIPPED, ABANDONED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
