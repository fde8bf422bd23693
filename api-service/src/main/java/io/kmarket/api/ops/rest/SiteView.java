package io.kmarket.api.ops.rest;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An upstream site and its current health as the collectors last saw it. */
@RegisterForReflection
public record SiteView(String code, int tier, String nameKo, String nameEn, String baseUrl, String category, int reliability,
        boolean active, boolean official, String status, Integer consecutiveFailures, OffsetDateTime lastSuccessAt,
        OffsetDateTime lastFailureAt, Double avgResponseMs, Double successRate) {
}
