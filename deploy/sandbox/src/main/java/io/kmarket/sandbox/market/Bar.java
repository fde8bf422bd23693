package io.kmarket.sandbox.market;

import java.time.LocalDate;

/**
 * One trading day of one issue. Prices are unadjusted unless produced by {@link #adjusted(double)}.
 *
 * @param base the reference price of the day (previous close, or the one a corporate action set on its ex-date):
 *        the change and the ±30% limits are measured from it
 * @param halted trading was suspended all day: no trades, close stays at the base
 */
public record Bar(LocalDate date, long open, long high, long low, long close, long base, long volume, long value,
        long shares, boolean halted) {

    public long change() {
        return close - base;
    }

    public long marketCap() {
        return close * shares;
    }

    public boolean limitUp() {
        return !halted && close == TickSize.upperLimit(base);
    }

    public boolean limitDown() {
        return !halted && close == TickSize.lowerLimit(base);
    }

    /**
     * Adjusted copy: prices × {@code factor} rounded to won, volume / factor (the same shares traded, counted in
     * today's terms); trading value and listed shares are never adjusted.
     */
    public Bar adjusted(double factor) {
        if (factor == 1) {
            return this;
        }
        return new Bar(date, times(open, factor), times(high, factor), times(low, factor), times(close, factor),
                times(base, factor), Math.round(volume / factor), value, shares, halted);
    }

    /**
     * As Naver's chart serves the day: prices × {@code factor} (Naver's own, see {@link Adjustment#NAVER}), but
     * volume as traded (Naver does not adjust it), and a suspended day as {@code 0|0|0|close|0} rather than a flat
     * bar.
     */
    public Bar naverAdjusted(double factor) {
        return new Bar(date, times(open, factor), times(high, factor), times(low, factor), times(close, factor),
                times(base, factor), volume, value, shares, halted);
    }

    private static long times(long price, double factor) {
        return Math.round(price * factor);
    }
}
