package io.kmarket.api.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One trading day of an index; open, high and low are null on close-only days (KOSPI before 1995). */
@RegisterForReflection
public record IndexPrice(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume,
        BigDecimal tradingValue) {
}
