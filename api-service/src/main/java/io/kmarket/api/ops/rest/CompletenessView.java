package io.kmarket.api.ops.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How complete one dataset is on one trading date: what should be stored, what is, and what the scheduler does
 * about the difference. {@code expected} is null where no count can be known in advance (disclosures);
 * {@code retries} and {@code nextAttemptAt} describe a pending retry or repair of {@code job} for the date.
 */
@RegisterForReflection
public record CompletenessView(String dataset, LocalDate date, Long expected, long stored, String status,
        String job, Integer retries, OffsetDateTime nextAttemptAt, String lastError) {
}
