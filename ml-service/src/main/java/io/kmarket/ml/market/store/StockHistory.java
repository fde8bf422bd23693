package io.kmarket.ml.market.store;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One stock's daily closes and volumes in date order, in reusable primitive buffers: the reader fills one
 * instance per stock while streaming the whole market, so reading allocates nothing per row.
 */
public final class StockHistory {

    private String code;
    private int size;
    private int[] epochDays = new int[512];
    private double[] close = new double[512];
    private double[] volume = new double[512];

    void reset(String newCode) {
        code = newCode;
        size = 0;
    }

    void add(int epochDay, double closePrice, double tradedVolume) {
        if (size == close.length) {
            int capacity = size * 2;
            epochDays = Arrays.copyOf(epochDays, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
        }
        epochDays[size] = epochDay;
        close[size] = closePrice;
        volume[size] = tradedVolume;
        size++;
    }

    public String code() {
        return code;
    }

    public int size() {
        return size;
    }

    public double[] closes() {
        return close;
    }

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
