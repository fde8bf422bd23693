package io.kmarket.ml.predictions.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.market.store.AdjustmentReader;
import io.kmarket.ml.predictions.Features;
import io.kmarket.ml.predictions.SampleSet;

/**
 * Reads model inputs in one streamed query, on adjusted closes (see {@link Features}). Prices are read only up to
 * {@code to}, so the next-day outcome of the last day is simply not there: look-ahead is impossible by construction,
 * not by care. The factors of an action after {@code to} scale every day read by the same constant, which no feature
 * (ratios of closes and indicators) or label (a comparison of closes) can see.
 */
@ApplicationScoped
public class SampleReader {

    /** Far enough back for 5 trading days before {@code from}, even across the longest Korean holidays. */
    private static final int LOOKBACK_DAYS = 20;

    /**
     * Each price row with its factors: the step of its stock with the smallest ex-date after the day (none: 1), as
     * a range join on the previous step's ex-date. Returns and labels from total-adjusted closes, the close compared
     * with the indicators split-adjusted as they are.
     */
    private static final String SAMPLES = """
            WITH f AS (
                SELECT code, ex_date, split_factor, total_factor,
                       lag(ex_date) OVER (PARTITION BY code ORDER BY ex_date) AS previous_ex_date
                FROM %s x),
            p AS (
                SELECT d.code, d.trade_date, d.close * coalesce(f.split_factor, 1) AS close,
                       d.close * coalesce(f.total_factor, 1) AS total_close
                FROM market.daily_prices d
                LEFT JOIN f ON f.code = d.code AND d.trade_date < f.ex_date
                    AND (f.previous_ex_date IS NULL OR d.trade_date >= f.previous_ex_date)
                WHERE d.trade_date BETWEEN ? AND ? AND d.close > 0),
            q AS (
                SELECT code, trade_date, close, total_close,
                       lag(total_close, 1) OVER w AS total_close_1, lag(total_close, 5) OVER w AS total_close_5,
                       lead(total_close) OVER w AS next_total_close
                FROM p
                WINDOW w AS (PARTITION BY code ORDER BY trade_date))
            SELECT q.code, q.trade_date, q.close, q.total_close, q.total_close_1, q.total_close_5, q.next_total_close,
                   i.sma5, i.sma20, i.sma60, i.rsi14, i.macd_hist, i.bb_upper, i.bb_lower, i.volume_ratio
            FROM q JOIN analytics.indicators i ON i.code = q.code AND i.trade_date = q.trade_date
            WHERE q.trade_date BETWEEN ? AND ?
            ORDER BY q.trade_date, q.code""";

    private static final int FETCH_SIZE = 10_000;

    private final Jdbc jdbc;
    private final AdjustmentReader adjustments;

    SampleReader(Jdbc jdbc, AdjustmentReader adjustments) {
        this.jdbc = jdbc;
        this.adjustments = adjustments;
    }

    /** Feature rows for trading days {@code from..to} in date order, using no price after {@code to}. */
    public SampleSet read(LocalDate from, LocalDate to) {
        SampleSet samples = new SampleSet();
        jdbc.stream(SAMPLES.formatted(adjustments.factorsRelation()), FETCH_SIZE, row -> add(samples, row), from.minusDays(LOOKBACK_DAYS), to, from, to);
        return samples;
    }

    private static void add(SampleSet samples, ResultSet rs) throws SQLException {
        double totalClose = rs.getDouble(4);
        Double totalClose1 = Jdbc.nullableDouble(rs, 5);
        Features.Inputs inputs = new Features.Inputs(rs.getDouble(3), totalClose, totalClose1,
                Jdbc.nullableDouble(rs, 6), Jdbc.nullableDouble(rs, 8), Jdbc.nullableDouble(rs, 9),
                Jdbc.nullableDouble(rs, 10), Jdbc.nullableDouble(rs, 11), Jdbc.nullableDouble(rs, 12),
                Jdbc.nullableDouble(rs, 13), Jdbc.nullableDouble(rs, 14), Jdbc.nullableDouble(rs, 15));
        int slot = samples.featureSlot();
        if (!Features.extract(inputs, samples.features(), slot)) {
            return;
        }
        Double next = Jdbc.nullableDouble(rs, 7);
        byte nextUp = next == null ? SampleSet.UNKNOWN : (byte) (next > totalClose ? 1 : 0);
        samples.commit(rs.getString(1), (int) Jdbc.date(rs, 2).toEpochDay(), nextUp, totalClose > totalClose1);
    }
}
