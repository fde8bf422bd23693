package io.kmarket.scheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The KRX calendar of market.trading_calendar. A day missing from the table (outside the seeded years) counts
 * as a trading day when it is a weekday. Read on every question: the table is small and editable by hand.
 */
@ApplicationScoped
public class TradingCalendar {

    private final TradingCalendarStore store;

    TradingCalendar(TradingCalendarStore store) {
        this.store = store;
    }

    public boolean isTradingDay(LocalDate day) {
        return tradingDays(day, day).contains(day);
    }

    /** The trading days of [from, to], ascending. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> recorded = store.recorded(from, to);
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
        store.markHoliday(day, note);
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
