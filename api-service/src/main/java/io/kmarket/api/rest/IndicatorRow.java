package io.kmarket.api.rest;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Technical indicators of one trading day; null where the history is too short to compute one. */
@RegisterForReflection
public record IndicatorRow(LocalDate date, Double sma5, Double sma20, Double sma50, Double sma60, Double sma120, Double sma200,
        Double ema12, Double ema26, Double rsi14, Double macd, Double macdSignal, Double macdHist, Double bbMiddle,
        Double bbUpper, Double bbLower, Double volumeRatio) {
}
