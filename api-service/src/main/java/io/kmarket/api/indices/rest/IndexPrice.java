package io.kmarket.api.indices.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.kmarket.api.shared.Csv;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One trading day of an index; open, high and low are null on close-only days (KOSPI before 1995). */
@RegisterForReflection
public record IndexPrice(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume,
        BigDecimal tradingValue) {

    /** The rows as text/csv; close-only days (KRX's oldest index rows) leave open, high and low empty. */
    static String csv(List<IndexPrice> prices) {
        return Csv.table("date,open,high,low,close,volume,trading_value", prices,
                p -> new Object[] { p.date(), p.open(), p.high(), p.low(), p.close(), p.volume(),
                        p.tradingValue() == null ? null : p.tradingValue().toPlainString() });
    }
}
