package io.kmarket.ml.market.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.market.PriceAdjustments;

/**
 * Streams market prices stock by stock with one query per call: a server-side cursor (fetch size, no
 * auto-commit) keeps memory flat however long the history, and rows arrive ordered by code then date so
 * each stock is complete when the next one starts.
 * <p>
 * Days without a price (close 0, which sources use for "no trade data") are skipped; halted days keep
 * their close and are kept, see IndicatorKernels.
 * <p>
 * Histories are split-adjusted with the factors the caller read ({@link AdjustmentReader}), applied here in Java
 * while the rows stream: the factor table is small, and a join per price row would slow the full-market read.
 */
@ApplicationScoped
public class PriceHistoryReader {

    /** Receives each stock's history; the buffers are reused for the next stock once it returns. */
    @FunctionalInterface
    public interface StockConsumer {
        void accept(StockHistory history);
    }

    private static final int FETCH_SIZE = 20_000;

    private static final String ALL_UP_TO = """
            SELECT code, trade_date, close, volume FROM market.daily_prices
            WHERE trade_date <= ? AND close > 0
            ORDER BY code, trade_date""";

    private static final String CODES_UP_TO = """
            SELECT code, trade_date, close, volume FROM market.daily_prices
            WHERE trade_date <= ? AND close > 0 AND code = ANY (?)
            ORDER BY code, trade_date""";

    /**
     * Only the last rows each stock needs: an index range scan per stock traded on the day, aggregated into
     * one row of arrays per stock, which transfers several times faster than one result row per price.
     */
    private static final String WINDOWS_ENDING = """
            SELECT d.code, w.days, w.closes, w.volumes
            FROM market.daily_prices d
            CROSS JOIN LATERAL (
                SELECT array_agg(trade_date - date '1970-01-01' ORDER BY trade_date) AS days,
                       array_agg(close ORDER BY trade_date) AS closes,
                       array_agg(volume ORDER BY trade_date) AS volumes
                FROM (SELECT p.trade_date, p.close, p.volume FROM market.daily_prices p
                      WHERE p.code = d.code AND p.trade_date <= d.trade_date AND p.close > 0
                      ORDER BY p.trade_date DESC LIMIT ?) last_rows) w
            WHERE d.trade_date = ? AND d.close > 0""";

    private static final String LATEST_TRADE_DATE = "SELECT max(trade_date) FROM market.daily_prices";

    private static final String NEXT_TRADING_DAY = """
            SELECT coalesce(
                (SELECT min(trade_date) FROM market.daily_prices WHERE trade_date > ?),
                (SELECT min(d)::date FROM generate_series(?::date + 1, ?::date + 30, interval '1 day') d
                 WHERE extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM market.trading_calendar c
                     WHERE c.day = d::date AND NOT c.is_trading_day)))""";

    /** All rows at once: one row per stock traded on the day, a few thousand at most. */
    private static final int ALL_ROWS = 0;

    private final Jdbc jdbc;

    public PriceHistoryReader(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stock's whole history up to {@code to} (recursive indicators depend on all of it). */
    public void readAll(LocalDate to, PriceAdjustments adjustments, StockConsumer consumer) {
        streamByStock(ALL_UP_TO, adjustments, consumer, to);
    }

    public void readCodes(Collection<String> codes, LocalDate to, PriceAdjustments adjustments,
            StockConsumer consumer) {
        streamByStock(CODES_UP_TO, adjustments, consumer, to, codes.toArray(String[]::new));
    }

    /** For each stock traded on {@code day}: its last {@code rows} days up to and including that day. */
    public void readWindows(LocalDate day, int rows, PriceAdjustments adjustments, StockConsumer consumer) {
        StockHistory history = new StockHistory();
        jdbc.stream(WINDOWS_ENDING, ALL_ROWS, rs -> {
            Integer[] days = (Integer[]) rs.getArray(2).getArray();
            Long[] closes = (Long[]) rs.getArray(3).getArray();
            Long[] volumes = (Long[]) rs.getArray(4).getArray();
            String code = rs.getString(1);
            history.reset(code, adjustments.steps(code));
            for (int i = 0; i < days.length; i++) {
                history.add(days[i], closes[i], volumes[i]);
            }
            consumer.accept(history);
        }, rows, day);
    }

    public Optional<LocalDate> latestTradeDate() {
        return jdbc.first(LATEST_TRADE_DATE, rs -> Optional.ofNullable(Jdbc.date(rs, 1))).orElseThrow();
    }

    /**
     * The trading day after {@code day}: the next day with prices when already collected, else the next day
     * the trading calendar does not mark as closed, skipping weekends.
     */
    public LocalDate nextTradingDay(LocalDate day) {
        return jdbc.first(NEXT_TRADING_DAY, rs -> Jdbc.date(rs, 1), day, day, day).orElseThrow();
    }

    /** Streams rows ordered by code then date, handing over each stock once its last row has been read. */
    private void streamByStock(String sql, PriceAdjustments adjustments, StockConsumer consumer, Object... params) {
        StockHistory history = new StockHistory();
        jdbc.stream(sql, FETCH_SIZE, rs -> {
            String code = rs.getString(1);
            if (!code.equals(history.code())) {
                if (history.size() > 0) {
                    consumer.accept(history);
                }
                history.reset(code, adjustments.steps(code));
            }
            history.add((int) Jdbc.date(rs, 2).toEpochDay(), rs.getLong(3), rs.getLong(4));
        }, params);
        if (history.size() > 0) {
            consumer.accept(history);
        }
    }
}
