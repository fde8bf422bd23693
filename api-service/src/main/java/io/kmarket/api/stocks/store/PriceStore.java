package io.kmarket.api.stocks.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.actions.Adjustment;
import io.kmarket.api.actions.AdjustmentFactors;
import io.kmarket.api.stocks.rest.AdjustedPrice;
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
        return jdbc.query(STOCK_PRICES, PriceStore::dailyPrice, code, from, to);
    }

    /**
     * The same scan, each row multiplied as it is read: {@code factors} must hold the steps from {@code from} on
     * (they are walked along the ascending dates).
     */
    public List<AdjustedPrice> adjustedStockPrices(String code, LocalDate from, LocalDate to, Adjustment mode,
            AdjustmentFactors factors) {
        AdjustmentFactors.Walker walker = factors.walker();
        return jdbc.query(STOCK_PRICES, row -> {
            DailyPrice raw = dailyPrice(row);
            walker.moveTo(raw.date());
            return AdjustedPrice.of(raw, mode, walker);
        }, code, from, to);
    }

    private static DailyPrice dailyPrice(ResultSet row) throws SQLException {
        return new DailyPrice(Jdbc.date(row, "trade_date"), row.getLong("open"), row.getLong("high"),
                row.getLong("low"), row.getLong("close"), row.getLong("volume"), row.getBigDecimal("trading_value"),
                row.getBigDecimal("market_cap"));
    }
}
