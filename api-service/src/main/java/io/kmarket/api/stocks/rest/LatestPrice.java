package io.kmarket.api.stocks.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The latest trading day of a stock; change fields are null when there is no earlier day. */
@RegisterForReflection
public record LatestPrice(LocalDate date, long open, long high, long low, long close, long volume, Long previousClose,
        Long change, BigDecimal changePercent) {
}
