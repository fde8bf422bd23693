package io.kmarket.api.stocks.rest;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A stock's daily prices over from..to, oldest first. */
@RegisterForReflection
public record PriceSeries(String code, LocalDate from, LocalDate to, List<DailyPrice> prices) {
}
