package io.kmarket.api.ops.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A backfill of one scheduler job over a range of dates (the first start's included), with its progress. */
@RegisterForReflection
public record BackfillView(long id, String jobName, LocalDate from, LocalDate to, boolean withDependents,
        String status, int datesDone, int datesTotal, OffsetDateTime requestedAt, OffsetDateTime finishedAt,
        String error) {
}
