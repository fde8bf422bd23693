package io.kmarket.api.stocks.rest;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One stock in a search result. */
@RegisterForReflection
public record StockSummary(String code, String nameKo, String nameEn, String market, LocalDate listedOn, LocalDate delistedOn) {
}
