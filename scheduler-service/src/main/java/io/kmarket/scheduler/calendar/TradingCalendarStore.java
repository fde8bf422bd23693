package io.kmarket.scheduler.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;

/** market.trading_calendar: the days KRX recorded as open or closed. */
@ApplicationScoped
class TradingCalendarStore {

    private final Jdbc jdbc;

    TradingCalendarStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The recorded days of [from, to]: true for a trading day, false for a holiday. */
    Map<LocalDate, Boolean> recorded(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> recorded = new HashMap<>();
        jdbc.query("SELECT day, is_trading_day FROM market.trading_calendar WHERE day BETWEEN ? AND ?",
                rs -> recorded.put(Jdbc.date(rs, "day"), rs.getBoolean("is_trading_day")), from, to);
        return recorded;
    }

    /** Records the day as a holiday, whatever was recorded before. */
    void markHoliday(LocalDate day, String note) {
        jdbc.update("""
                INSERT INTO market.trading_calendar (day, is_trading_day, note) VALUES (?, false, ?)
                ON CONFLICT (day) DO UPDATE SET is_trading_day = false, note = EXCLUDED.note""", day, note);
    }
}
