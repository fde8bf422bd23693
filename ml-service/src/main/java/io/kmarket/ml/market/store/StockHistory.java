package io.kmarket.ml.market.store;

import java.time.LocalDate;
import java.util.Arrays;

import io.kmarket.ml.market.FactorSteps;

/**
 * One stock's daily closes and volumes in date order, split-adjusted (closes × the day's split factor, volumes ÷
 * it: market.adjustment_factors), in reusable primitive buffers: the reader fills one instance per stock while
 * streaming the whole market, so reading allocates nothing per row. Rows must be added in date order: the factor
 * step is followed with a cursor, not looked up per row.
 */
public final class StockHistory {

    private String code;
    private int size;
    private int[] epochDays = new int[512];
    private double[] close = new double[512];
    private double[] volume = new double[512];
    private FactorSteps steps = FactorSteps.NONE;
    private int step;

    void reset(String newCode, FactorSteps factorSteps) {
        code = newCode;
        size = 0;
        steps = factorSteps;
        step = 0;
    }

    void add(int epochDay, double closePrice, double tradedVolume) {
        if (size == close.length) {
            int capacity = size * 2;
            epochDays = Arrays.copyOf(epochDays, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
        }
        while (step < steps.size() && steps.exDay(step) <= epochDay) {
            step++;
        }
        epochDays[size] = epochDay;
        if (step < steps.size()) {
            double factor = steps.splitFactor(step);
            close[size] = closePrice * factor;
            volume[size] = tradedVolume / factor;
        } else {
            close[size] = closePrice;
            volume[size] = tradedVolume;
        }
        size++;
    }

    public String code() {
        return code;
    }

    public int size() {
        return size;
    }

    /** Split-adjusted closes. */
    public double[] closes() {
        return close;
    }

    /** Volumes adjusted like the closes (divided by the split factor), so a split does not step them. */
    public double[] volumes() {
        return volume;
    }

    public int epochDay(int index) {
        return epochDays[index];
    }

    public LocalDate date(int index) {
        return LocalDate.ofEpochDay(epochDays[index]);
    }
}
