package io.kmarket.api.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.api.rest.DailyPrice;
import io.kmarket.api.rest.IndexPrice;

/** Daily prices of stocks and indices: ordered range scans of their (code, trade_date) primary keys. */
@ApplicationScoped
public class PriceRepository {

    /** The statement the benchmark's pgbench baseline runs too (deploy/bench/prices.sql). */
    static final String STOCK_PRICES = """
            SELECT trade_date, open, high, low, close, volume, trading_value, market_cap FROM market.daily_prices
             WHERE code = ? AND trade_date BETWEEN ? AND ? ORDER BY trade_date""";

    private static final String INDEX_PRICES = """
            SELECT trade_date, open, high, low, close, volume, trading_value FROM market.index_prices
             WHERE index_code = ? AND trade_date BETWEEN ? AND ? ORDER BY trade_date""";

    private final Jdbc jdbc;

    PriceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<DailyPrice> stockPrices(String code, LocalDate from, LocalDate to) {
        return jdbc.query(STOCK_PRICES, row -> new DailyPrice(Jdbc.date(row, "trade_date"), row.getLong("open"),
                row.getLong("high"),
                row.getLong("low"), row.getLong("close"), row.getLong("volume"), row.getBigDecimal("trading_value"),
                row.getBigDecimal("market_cap")), code, from, to);
    }

    public List<IndexPrice> indexPrices(String code, LocalDate from, LocalDate to) {
        return jdbc.query(INDEX_PRICES, row -> new IndexPrice(Jdbc.date(row, "trade_date"), row.getBigDecimal("open"),
                row.getBigDecimal("high"),
                row.getBigDecimal("low"), row.getBigDecimal("close"), row.getLong("volume"),
                row.getBigDecimal("trading_value")), code, from, to);
    }
}
