package io.kmarket.api.ops.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The latest run of one scheduler job. */
@RegisterForReflection
public record JobRunView(String jobName, LocalDate logicalDate, String trigger, String status, OffsetDateTime startedAt,
        OffsetDateTime endedAt, long records, int attempts, Integer progressDone, Integer progressTotal, String error) {
}
