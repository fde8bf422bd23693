package io.kmarket.api.reports.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of POST /api/v1/reports, for the OpenAPI description: ReportsResource reads the JSON itself. */
@RegisterForReflection
public record ReportRequest(String code, String asOf) {
}
