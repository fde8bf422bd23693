package io.kmarket.sandbox.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The KRX trading days between the first simulated day and the simulation horizon, indexed from 0. */
public final class TradingCalendar {

    private final LocalDate[] days;
    private final long[] epochDays;

    public TradingCalendar(LocalDate first, LocalDate last) {
        List<LocalDate> list = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                list.add(d);
            }
        }
        days = list.toArray(LocalDate[]::new);
        epochDays = list.stream().mapToLong(LocalDate::toEpochDay).toArray();
    }

    public static boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !KrxHolidays.isHoliday(date);
    }

    public int size() {
        return days.length;
    }

    public LocalDate day(int index) {
        return days[index];
    }

    /** Index of {@code date} when it is a trading day in range, else -1. */
    public int indexOf(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -1;
    }

    /** Index of the last trading day on or before {@code date}; -1 when none. */
    public int floorIndex(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    /** Index of the first trading day on or after {@code date}; {@link #size()} when none. */
    public int ceilIndex(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -i - 1;
    }
}
