package io.kmarket.api.indices.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A market index. */
@RegisterForReflection
public record IndexView(String code, String nameKo, String nameEn, String market, LocalDate baseDate, BigDecimal baseValue) {
}
