package io.kmarket.api.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One trading day of a stock, prices in KRW. */
@RegisterForReflection
public record DailyPrice(LocalDate date, long open, long high, long low, long close, long volume, BigDecimal tradingValue,
        BigDecimal marketCap) {
}
