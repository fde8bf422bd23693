package io.kmarket.scheduler.job.engine;

import com.fasterxml.jackson.annotation.JsonValue;

import io.kmarket.scheduler.job.heal.Healing;

/** Why a run started; the value is what ops.job_runs.trigger stores. */
public enum RunTrigger {
    SCHEDULE("schedule"), CATCH_UP("catch-up"), MANUAL("manual"), DEPENDENCY("dependency"), BACKFILL("backfill"),
    /** A retry of a failed or incomplete date by {@link Healing}. */
    HEAL("heal");

    private final String value;

    RunTrigger(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static RunTrigger of(String value) {
        for (RunTrigger trigger : values()) {
            if (trigger.value.equals(value)) {
                return trigger;
            }
        }
        throw new IllegalArgumentException("unknown trigger " + value);
    }
}
