package io.kmarket.api.stocks.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.kmarket.api.shared.Csv;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One trading day of a stock, prices in KRW. */
@RegisterForReflection
public record DailyPrice(LocalDate date, long open, long high, long low, long close, long volume, BigDecimal tradingValue,
        BigDecimal marketCap) {

    /** The rows as text/csv, the columns in the order of the JSON fields. */
    static String csv(List<DailyPrice> prices) {
        return Csv.table("date,open,high,low,close,volume,trading_value,market_cap", prices,
                p -> new Object[] { p.date(), p.open(), p.high(), p.low(), p.close(), p.volume(),
                        p.tradingValue() == null ? null : p.tradingValue().toPlainString(),
                        p.marketCap() == null ? null : p.marketCap().toPlainString() });
    }
}
