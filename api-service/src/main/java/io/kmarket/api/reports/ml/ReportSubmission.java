package io.kmarket.api.reports.ml;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of POST /internal/reports; {@code asOf} is left out when the client did not give one. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportSubmission(String code, LocalDate asOf) {
}
