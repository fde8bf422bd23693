package io.kmarket.ml.support;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.kmarket.testing.postgres.KmarketTestDatabase;

/** Seeds market.* as the scheduler would have stored it, through a superuser connection (ml cannot write it). */
public final class MarketSeed {

    /** One stock's generated daily series, weekdays from {@code first}. */
    public record Series(String code, List<LocalDate> dates, long[] close, long[] volume) {
    }

    /** One row of market.adjustment_factors: the cumulative factors of the days before {@code exDate}. */
    public record FactorStep(LocalDate exDate, double split, double total) {
    }

    private MarketSeed() {
    }

    /** Weekdays starting at {@code first}: the series' trading days. */
    public static List<LocalDate> weekdays(LocalDate first, int count) {
        List<LocalDate> days = new ArrayList<>(count);
        for (LocalDate day = first; days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    /** A seeded random walk of integer closes, with a halt (zero volume, unchanged close) at {@code haltFrom}. */
    public static Series randomWalk(String code, LocalDate first, int days, long seed, int haltFrom, int haltDays) {
        Random random = new Random(seed);
        long[] close = new long[days];
        long[] volume = new long[days];
        long price = 20_000 + random.nextInt(50_000);
        for (int i = 0; i < days; i++) {
            boolean halted = i >= haltFrom && i < haltFrom + haltDays;
            if (!halted) {
                price = Math.max(100, price + Math.round(price * (random.nextGaussian() * 0.02)));
            }
            close[i] = price;
            volume[i] = halted ? 0 : 10_000 + random.nextInt(500_000);
        }
        return new Series(code, weekdays(first, days), close, volume);
    }

    public static Series of(String code, LocalDate first, long[] close, long[] volume) {
        return new Series(code, weekdays(first, close.length), close, volume);
    }

    public static void insert(Series... series) throws SQLException {
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO market.daily_prices"
                        + " (code, trade_date, open, high, low, close, volume, trading_value, source)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'TEST') ON CONFLICT (code, trade_date) DO UPDATE"
                        + " SET close = EXCLUDED.close, volume = EXCLUDED.volume")) {
            for (Series s : series) {
                for (int i = 0; i < s.close().length; i++) {
                    statement.setString(1, s.code());
                    statement.setDate(2, Date.valueOf(s.dates().get(i)));
                    statement.setLong(3, s.close()[i]);
                    statement.setLong(4, s.close()[i]);
                    statement.setLong(5, s.close()[i]);
                    statement.setLong(6, s.close()[i]);
                    statement.setLong(7, s.volume()[i]);
                    statement.setLong(8, s.close()[i] * s.volume()[i]);
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    public static void stock(String code, String nameKo, String nameEn) throws SQLException {
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO market.stocks"
                        + " (code, name_ko, name_en, market, listed_on) VALUES (?, ?, ?, 'STK', '2001-05-02')"
                        + " ON CONFLICT (code) DO NOTHING")) {
            statement.setString(1, code);
            statement.setString(2, nameKo);
            statement.setString(3, nameEn);
            statement.executeUpdate();
        }
    }

    /**
     * Replaces a stock's factor steps and sets its factor version in one transaction, as the scheduler's
     * corporate-actions job writes them.
     */
    public static void factors(String code, long version, FactorStep... steps) throws SQLException {
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM market.adjustment_factors WHERE code = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO market.adjustment_factors"
                            + " (code, ex_date, split_factor, total_factor) VALUES (?, ?, ?, ?)");
                    PreparedStatement bump = connection.prepareStatement("INSERT INTO market.adjustment_versions"
                            + " (code, version, changed_at) VALUES (?, ?, now()) ON CONFLICT (code) DO UPDATE"
                            + " SET version = EXCLUDED.version, changed_at = EXCLUDED.changed_at")) {
                delete.setString(1, code);
                delete.executeUpdate();
                for (FactorStep step : steps) {
                    insert.setString(1, code);
                    insert.setDate(2, Date.valueOf(step.exDate()));
                    insert.setDouble(3, step.split());
                    insert.setDouble(4, step.total());
                    insert.addBatch();
                }
                insert.executeBatch();
                bump.setString(1, code);
                bump.setLong(2, version);
                bump.executeUpdate();
            }
            connection.commit();
        }
    }

    /** Runs SQL as the superuser, e.g. to put analytics rows into a state a test needs. */
    public static void execute(String sql) throws SQLException {
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser()) {
            connection.createStatement().execute(sql);
        }
    }
}
