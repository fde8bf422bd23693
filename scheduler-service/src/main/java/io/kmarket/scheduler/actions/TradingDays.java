package io.kmarket.scheduler.actions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trading days of a span, numbered: the n-th trading day has number n, so "the previous trading day" and "within
 * 90 trading days" are arithmetic. Also the year-end dividend ex-date rule of KRX (배당락일).
 */
public final class TradingDays {

    private final List<LocalDate> days;
    private final Map<LocalDate, Integer> numbers = new HashMap<>();

    /** {@code days} ascending, without duplicates. */
    public TradingDays(List<LocalDate> days) {
        this.days = List.copyOf(days);
        for (int i = 0; i < this.days.size(); i++) {
            numbers.put(this.days.get(i), i);
        }
    }

    public List<LocalDate> days() {
        return days;
    }

    /** The day's number, empty when it is no trading day of the span. */
    public Optional<Integer> number(LocalDate day) {
        return Optional.ofNullable(numbers.get(day));
    }

    /** {@code day} is the trading day right after {@code previous} (both trading days of the span). */
    public boolean consecutive(LocalDate previous, LocalDate day) {
        Integer p = numbers.get(previous);
        Integer d = numbers.get(day);
        return p != null && d != null && d == p + 1;
    }

    /** Trading days from {@code from} (exclusive) to {@code to} (inclusive); negative when to is earlier. */
    public Optional<Integer> between(LocalDate from, LocalDate to) {
        Integer f = numbers.get(from);
        Integer t = numbers.get(to);
        return f == null || t == null ? Optional.empty() : Optional.of(t - f);
    }

    /** The trading day before {@code day} (any day), if the span reaches back to it. */
    public Optional<LocalDate> previous(LocalDate day) {
        int index = Collections.binarySearch(days, day);
        int before = index >= 0 ? index - 1 : -index - 2;
        return before >= 0 ? Optional.of(days.get(before)) : Optional.empty();
    }

    /**
     * The ex-date of a year-end dividend of the fiscal year ending in {@code month}: the trading day before the
     * month's last trading day. The record date is the month end and settlement is T+2, so a buyer on the month's
     * last-but-one trading day is the first without the right. Empty when the span does not cover the month.
     */
    public Optional<LocalDate> dividendExDate(YearMonth month) {
        if (days.isEmpty() || days.getLast().isBefore(month.atEndOfMonth())) {
            return Optional.empty();
        }
        return previous(month.atEndOfMonth().plusDays(1))
                .filter(last -> !last.isBefore(month.atDay(1)))
                .flatMap(this::previous);
    }
}
