package io.kmarket.api.indicators.rest;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A stock's indicators over from..to, oldest first. */
@RegisterForReflection
public record IndicatorSeries(String code, LocalDate from, LocalDate to, List<IndicatorRow> indicators) {
}
