package io.kmarket.api.stocks.rest;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A stock's adjusted daily prices over from..to, oldest first; {@code adjust} says for what (split or total). */
@RegisterForReflection
public record AdjustedPriceSeries(String code, LocalDate from, LocalDate to, String adjust,
        List<AdjustedPrice> prices) {
}
