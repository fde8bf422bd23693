package io.kmarket.ml.predictions.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.predictions.Features;
import io.kmarket.ml.predictions.SampleSet;

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

    private static final int FETCH_SIZE = 10_000;

    private final Jdbc jdbc;

    SampleReader(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Feature rows for trading days {@code from..to} in date order, using no price after {@code to}. */
    public SampleSet read(LocalDate from, LocalDate to) {
        SampleSet samples = new SampleSet();
        jdbc.stream(SAMPLES, FETCH_SIZE, row -> add(samples, row), from.minusDays(LOOKBACK_DAYS), to, from, to);
        return samples;
    }

    private static void add(SampleSet samples, ResultSet rs) throws SQLException {
        double close = rs.getLong(3);
        Double close1 = Jdbc.nullableDouble(rs, 4);
        Features.Inputs inputs = new Features.Inputs(close, close1, Jdbc.nullableDouble(rs, 5),
                Jdbc.nullableDouble(rs, 7), Jdbc.nullableDouble(rs, 8), Jdbc.nullableDouble(rs, 9),
                Jdbc.nullableDouble(rs, 10), Jdbc.nullableDouble(rs, 11), Jdbc.nullableDouble(rs, 12),
                Jdbc.nullableDouble(rs, 13), Jdbc.nullableDouble(rs, 14));
        int slot = samples.featureSlot();
        if (!Features.extract(inputs, samples.features(), slot)) {
            return;
        }
        Double next = Jdbc.nullableDouble(rs, 6);
        byte nextUp = next == null ? SampleSet.UNKNOWN : (byte) (next > close ? 1 : 0);
        samples.commit(rs.getString(1), (int) Jdbc.date(rs, 2).toEpochDay(), nextUp, close > close1);
    }
}
