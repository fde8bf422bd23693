package io.kmarket.scheduler.job.heal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The states of a heal; the value is what ops.job_heals.status stores. */
public enum HealStatus {
    /** Retried until a run of the date succeeds. */
    PENDING,
    /** A run of the date succeeded since. */
    HEALED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HealStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
