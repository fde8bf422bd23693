package io.kmarket.sandbox.market;

import java.time.LocalDate;

/**
 * One trading day of one issue. Prices are unadjusted unless produced by {@link #adjusted(long)}.
 *
 * @param base the reference price of the day (previous close, divided by the split ratio on a split day):
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

    /** Split-adjusted copy: prices divided (and volume multiplied) by the ratio of all later splits. */
    public Bar adjusted(long factor) {
        if (factor == 1) {
            return this;
        }
        return new Bar(date, div(open, factor), div(high, factor), div(low, factor), div(close, factor),
                div(base, factor), volume * factor, value, shares * factor, halted);
    }

    /**
     * As Naver's chart serves the day: prices divided by the ratio of all later splits, but volume as traded (Naver
     * does not adjust it), and a suspended day as {@code 0|0|0|close|0} rather than a flat bar.
     */
    public Bar naverAdjusted(long factor) {
        return new Bar(date, div(open, factor), div(high, factor), div(low, factor), div(close, factor),
                div(base, factor), volume, value, shares, halted);
    }

    private static long div(long price, long factor) {
        return Math.round((double) price / factor);
    }
}
