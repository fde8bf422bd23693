package io.kmarket.api.indices.rest;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An index's daily values over from..to, oldest first. */
@RegisterForReflection
public record IndexSeries(String code, LocalDate from, LocalDate to, List<IndexPrice> prices) {
}
