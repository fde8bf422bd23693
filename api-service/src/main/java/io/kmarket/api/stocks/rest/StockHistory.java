package io.kmarket.api.stocks.rest;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a stock was called, on which market and under which ISIN, period by period, oldest first. */
@RegisterForReflection
public record StockHistory(String code, List<Period> periods) {

    /**
     * One identity of the stock. {@code validFrom} is the first day KRX was seen showing it and {@code lastSeen}
     * the last; it stands until the day before the next period begins ({@code validTo}), null while it is the
     * current one. Days between {@code lastSeen} and the next period were not collected.
     */
    @RegisterForReflection
    public record Period(LocalDate validFrom, LocalDate validTo, LocalDate lastSeen, String nameKo, String market,
            String isin) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }
}
