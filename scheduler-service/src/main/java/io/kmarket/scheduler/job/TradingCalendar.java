package io.kmarket.scheduler.job;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The KRX calendar of market.trading_calendar. A day missing from the table (outside the seeded years) counts
 * as a trading day when it is a weekday. Read on every question: the table is small and editable by hand.
 */
@ApplicationScoped
public class TradingCalendar {

    private final AgroalDataSource dataSource;

    TradingCalendar(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isTradingDay(LocalDate day) {
        return tradingDays(day, day).contains(day);
    }

    /** The trading days of [from, to], ascending. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> recorded = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT day, is_trading_day FROM market.trading_calendar WHERE day BETWEEN ? AND ?")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recorded.put(rs.getDate(1).toLocalDate(), rs.getBoolean(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the trading calendar", e);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (recorded.getOrDefault(day, isWeekday(day))) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * Records a weekday as a holiday, e.g. when KRX answers {@code -} for every stock on it: no job then waits
     * for data of that day. Idempotent.
     */
    public void markHoliday(LocalDate day, String note) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO market.trading_calendar (day, is_trading_day, note) VALUES (?, false, ?)
                        ON CONFLICT (day) DO UPDATE SET is_trading_day = false, note = EXCLUDED.note""")) {
            ps.setDate(1, Date.valueOf(day));
            ps.setString(2, note);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + day + " as a holiday", e);
        }
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
