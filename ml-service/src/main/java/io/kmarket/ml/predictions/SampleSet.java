package io.kmarket.ml.predictions;

import java.util.Arrays;

/**
 * Feature rows of many stocks and days in flat arrays, with what happened next when it is known
 * ({@link #UNKNOWN} for the last day of the read range: the next close lies beyond what may be looked at).
 */
public final class SampleSet {

    public static final byte UNKNOWN = -1;

    private int size;
    private double[] features = new double[1024 * Features.COUNT];
    private String[] codes = new String[1024];
    private int[] days = new int[1024];
    private byte[] nextUp = new byte[1024];
    private boolean[] upToday = new boolean[1024];

    /** Adds a row whose features were already written by {@link #featureSlot()}. */
    public void commit(String code, int epochDay, byte nextDayUp, boolean closedUpToday) {
        codes[size] = code;
        days[size] = epochDay;
        nextUp[size] = nextDayUp;
        upToday[size] = closedUpToday;
        size++;
    }

    /** The offset where the next row's features go; grows the buffers when needed. */
    public int featureSlot() {
        if (size == codes.length) {
            int capacity = size * 2;
            features = Arrays.copyOf(features, capacity * Features.COUNT);
            codes = Arrays.copyOf(codes, capacity);
            days = Arrays.copyOf(days, capacity);
            nextUp = Arrays.copyOf(nextUp, capacity);
            upToday = Arrays.copyOf(upToday, capacity);
        }
        return size * Features.COUNT;
    }

    public int size() {
        return size;
    }

    public double[] features() {
        return features;
    }

    public String code(int row) {
        return codes[row];
    }

    public int epochDay(int row) {
        return days[row];
    }

    public byte nextUp(int row) {
        return nextUp[row];
    }

    /** The "yesterday's direction" baseline's call for the next day: the direction of this day's close. */
    public boolean upToday(int row) {
        return upToday[row];
    }
}
