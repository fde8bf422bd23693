package io.kmarket.ml.indicators.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.indicators.RecursiveState;

/**
 * Reads the recursive state (EMAs, MACD signal, Wilder's averages) stored with each stock's latest indicator row,
 * so that one new trading day can be rolled forward without reading the stock's whole history, and the factor
 * versions that state was computed under.
 */
@ApplicationScoped
public class IndicatorStateReader {

    /** The state of a stock's latest indicator row before the day, with that row's date. */
    public record DatedState(LocalDate date, RecursiveState state) {
    }

    private static final String STATES_BEFORE = """
            SELECT d.code, i.trade_date, i.ema12, i.ema26, i.macd_signal, i.rsi_avg_gain, i.rsi_avg_loss
            FROM market.daily_prices d
            CROSS JOIN LATERAL (
                SELECT * FROM analytics.indicators x
                WHERE x.code = d.code AND x.trade_date < d.trade_date
                ORDER BY x.trade_date DESC LIMIT 1) i
            WHERE d.trade_date = ?""";

    private static final String RECORDED_VERSIONS = "SELECT code, version FROM analytics.indicator_adjustment_versions";

    /** All rows at once: one row per stock traded on the day, a few thousand at most. */
    private static final int ALL_ROWS = 0;

    private final Jdbc jdbc;

    public IndicatorStateReader(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** For each stock traded on {@code day}: the recursive state stored for its previous indicator row. */
    public Map<String, DatedState> statesBefore(LocalDate day) {
        Map<String, DatedState> states = new HashMap<>();
        jdbc.stream(STATES_BEFORE, ALL_ROWS, rs -> states.put(rs.getString(1), new DatedState(Jdbc.date(rs, 2),
                new RecursiveState(nanIfNull(rs, 3), nanIfNull(rs, 4), nanIfNull(rs, 5), nanIfNull(rs, 6),
                        nanIfNull(rs, 7)))), day);
        return states;
    }

    /** The factor version each stock's stored indicators were computed under; absent = none (version 0). */
    public Map<String, Long> recordedVersions() {
        Map<String, Long> versions = new HashMap<>();
        jdbc.stream(RECORDED_VERSIONS, ALL_ROWS, rs -> versions.put(rs.getString(1), rs.getLong(2)));
        return versions;
    }

    private static double nanIfNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }
}
