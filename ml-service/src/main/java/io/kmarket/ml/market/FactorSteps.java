package io.kmarket.ml.market;

import java.util.Arrays;

/**
 * One stock's cumulative adjustment factors as the scheduler stores them (market.adjustment_factors): step
 * {@code i} applies to the days before {@code exDay(i)} and on or after the previous step's ex-date, so the factor
 * of a day is the one of the first step whose ex-date lies after it, and 1 after the last step.
 */
public final class FactorSteps {

    public static final FactorSteps NONE = new FactorSteps(new int[0], new double[0], new double[0]);

    private final int[] exDays;
    private final double[] split;
    private final double[] total;

    /** Steps in ex-date order: {@code exDays} ascending, {@code split[i]} and {@code total[i]} their factors. */
    public FactorSteps(int[] exDays, double[] split, double[] total) {
        if (exDays.length != split.length || exDays.length != total.length) {
            throw new IllegalArgumentException("one split and one total factor per ex-date");
        }
        this.exDays = exDays;
        this.split = split;
        this.total = total;
    }

    public int size() {
        return exDays.length;
    }

    public int exDay(int step) {
        return exDays[step];
    }

    public double splitFactor(int step) {
        return split[step];
    }

    /** Split-adjusted price factor of {@code epochDay}: share-count events after it. */
    public double splitFactorOn(int epochDay) {
        int step = stepOf(epochDay);
        return step == size() ? 1 : split[step];
    }

    /** Total-adjusted price factor of {@code epochDay}: share-count events and cash dividends after it. */
    public double totalFactorOn(int epochDay) {
        int step = stepOf(epochDay);
        return step == size() ? 1 : total[step];
    }

    /**
     * The factors as they stood on {@code epochDay}: only the actions with an ex-date on or before it, so that
     * day's prices are its own (factor 1) and earlier days are adjusted to them. Cumulative factors are products
     * over the later ex-dates, so dropping the actions after the day divides every earlier step by its factor.
     */
    public FactorSteps asOf(int epochDay) {
        int kept = stepOf(epochDay);
        if (kept == size()) {
            return this;
        }
        double splitThen = split[kept];
        double totalThen = total[kept];
        double[] keptSplit = new double[kept];
        double[] keptTotal = new double[kept];
        for (int i = 0; i < kept; i++) {
            keptSplit[i] = split[i] / splitThen;
            keptTotal[i] = total[i] / totalThen;
        }
        return new FactorSteps(Arrays.copyOf(exDays, kept), keptSplit, keptTotal);
    }

    /** The first step whose ex-date is after {@code epochDay}, or {@link #size()} when none is. */
    private int stepOf(int epochDay) {
        int at = Arrays.binarySearch(exDays, epochDay);
        return at >= 0 ? at + 1 : -at - 1;
    }
}
