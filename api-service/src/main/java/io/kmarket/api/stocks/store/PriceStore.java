package io.kmarket.api.stocks.store;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.stocks.rest.DailyPrice;
import io.kmarket.kit.jdbc.Jdbc;

/** Daily prices of stocks: ordered range scans of their (code, trade_date) primary key. */
@ApplicationScoped
public class PriceStore {

    /** The statement the benchmark's pgbench baseline runs too (deploy/bench/run-api-prices.sh). */
    static final String STOCK_PRICES = """
            SELECT trade_date, open, high, low, close, volume, trading_value, market_cap FROM market.daily_prices
             WHERE code = ? AND trade_date BETWEEN ? AND ? ORDER BY trade_date""";

    private final Jdbc jdbc;

    PriceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<DailyPrice> stockPrices(String code, LocalDate from, LocalDate to) {
        return jdbc.query(STOCK_PRICES, row -> new DailyPrice(Jdbc.date(row, "trade_date"), row.getLong("open"),
                row.getLong("high"),
                row.getLong("low"), row.getLong("close"), row.getLong("volume"), row.getBigDecimal("trading_value"),
                row.getBigDecimal("market_cap")), code, from, to);
    }
}
