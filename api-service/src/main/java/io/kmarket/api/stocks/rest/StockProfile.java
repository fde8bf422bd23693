package io.kmarket.api.stocks.rest;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A stock's profile with its latest close and the change from the close before. */
@RegisterForReflection
public record StockProfile(String code, String isin, String nameKo, String nameEn, String market, String corpCode,
        LocalDate listedOn, LocalDate delistedOn, LatestPrice latest) {
}
