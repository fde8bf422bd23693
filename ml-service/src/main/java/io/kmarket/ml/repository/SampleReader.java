package io.kmarket.ml.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.ml.service.predictions.Features;
import io.kmarket.ml.service.predictions.SampleSet;

/**
 * Reads model inputs in one streamed query. Prices are read only up to {@code to}, so the next-day outcome
 * of the last day is simply not there: look-ahead is impossible by construction, not by care.
 */
@ApplicationScoped
public class SampleReader {

    /** Far enough back for 5 trading days before {@code from}, even across the longest Korean holidays. */
    private static final int LOOKBACK_DAYS = 20;

    private static final String SAMPLES = """
            WITH p AS (
                SELECT code, trade_date, close,
                       lag(close, 1) OVER w AS close_1, lag(close, 5) OVER w AS close_5, lead(close) OVER w AS next_close
                FROM market.daily_prices
                WHERE trade_date BETWEEN ? AND ? AND close > 0
                WINDOW w AS (PARTITION BY code ORDER BY trade_date))
            SELECT p.code, p.trade_date, p.close, p.close_1, p.close_5, p.next_close,
                   i.sma5, i.sma20, i.sma60, i.rsi14, i.macd_hist, i.bb_upper, i.bb_lower, i.volume_ratio
            FROM p JOIN analytics.indicators i ON i.code = p.code AND i.trade_date = p.trade_date
            WHERE p.trade_date BETWEEN ? AND ?
            ORDER BY p.trade_date, p.code""";

    private final DataSource dataSource;

    SampleReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Feature rows for trading days {@code from..to} in date order, using no price after {@code to}. */
    public SampleSet read(LocalDate from, LocalDate to) throws SQLException {
        SampleSet samples = new SampleSet();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(SAMPLES)) {
                statement.setFetchSize(10_000);
                statement.setObject(1, from.minusDays(LOOKBACK_DAYS));
                statement.setObject(2, to);
                statement.setObject(3, from);
                statement.setObject(4, to);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        add(samples, rs);
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
        return samples;
    }

    private static void add(SampleSet samples, ResultSet rs) throws SQLException {
        double close = rs.getLong(3);
        Double close1 = nullable(rs, 4);
        Features.Inputs inputs = new Features.Inputs(close, close1, nullable(rs, 5), nullable(rs, 7),
                nullable(rs, 8), nullable(rs, 9), nullable(rs, 10), nullable(rs, 11), nullable(rs, 12),
                nullable(rs, 13), nullable(rs, 14));
        int slot = samples.featureSlot();
        if (!Features.extract(inputs, samples.features(), slot)) {
            return;
        }
        Double next = nullable(rs, 6);
        byte nextUp = next == null ? SampleSet.UNKNOWN : (byte) (next > close ? 1 : 0);
        samples.commit(rs.getString(1), (int) rs.getObject(2, LocalDate.class).toEpochDay(), nextUp,
                close > close1);
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
