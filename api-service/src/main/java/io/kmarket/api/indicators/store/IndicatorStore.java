package io.kmarket.api.indicators.store;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.indicators.rest.IndicatorRow;
import io.kmarket.kit.jdbc.Jdbc;

/** Technical indicators ml-service computed: ordered range scans of their (code, trade_date) primary key. */
@ApplicationScoped
public class IndicatorStore {

    private static final String RANGE = """
            SELECT trade_date, sma5, sma20, sma50, sma60, sma120, sma200, ema12, ema26, rsi14, macd, macd_signal,
                   macd_hist, bb_middle, bb_upper, bb_lower, volume_ratio
              FROM analytics.indicators
             WHERE code = ? AND trade_date BETWEEN ? AND ? ORDER BY trade_date""";

    private final Jdbc jdbc;

    IndicatorStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<IndicatorRow> range(String code, LocalDate from, LocalDate to) {
        return jdbc.query(RANGE, row -> new IndicatorRow(Jdbc.date(row, "trade_date"), Jdbc.nullableDouble(row, "sma5"),
                Jdbc.nullableDouble(row, "sma20"), Jdbc.nullableDouble(row, "sma50"), Jdbc.nullableDouble(row, "sma60"),
                Jdbc.nullableDouble(row, "sma120"), Jdbc.nullableDouble(row, "sma200"),
                Jdbc.nullableDouble(row, "ema12"), Jdbc.nullableDouble(row, "ema26"), Jdbc.nullableDouble(row, "rsi14"),
                Jdbc.nullableDouble(row, "macd"), Jdbc.nullableDouble(row, "macd_signal"),
                Jdbc.nullableDouble(row, "macd_hist"), Jdbc.nullableDouble(row, "bb_middle"),
                Jdbc.nullableDouble(row, "bb_upper"), Jdbc.nullableDouble(row, "bb_lower"),
                Jdbc.nullableDouble(row, "volume_ratio")), code, from, to);
    }
}
