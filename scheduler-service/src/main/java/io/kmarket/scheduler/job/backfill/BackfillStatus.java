package io.kmarket.scheduler.job.backfill;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The states of a backfill; the value is what ops.job_backfills.status stores. */
public enum BackfillStatus {
    PENDING, RUNNING, DONE, FAILED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BackfillStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
