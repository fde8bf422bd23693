package io.kmarket.sandbox.market;

import java.util.Comparator;
import java.util.List;

/** Daily OHLC, volume, value and market cap of one index, derived from its constituents' bars. */
public final class IndexHistory {

    private final IndexDefinition definition;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final long[] volume;
    private final long[] value;
    private final long[] marketCap;

    IndexHistory(IndexDefinition definition, List<PriceHistory> histories, int days) {
        this.definition = definition;
        open = new double[days];
        high = new double[days];
        low = new double[days];
        close = new double[days];
        volume = new long[days];
        value = new long[days];
        marketCap = new long[days];
        // Candidates by size: the index holds the largest topN of those trading each day (all when topN is 0).
        List<PriceHistory> members = histories.stream().filter(h -> definition.includes(h.listing()))
                .sorted(Comparator.comparing(PriceHistory::listing, definition.bySize())).toList();
        int limit = definition.topN() == 0 ? Integer.MAX_VALUE : definition.topN();
        double level = definition.startLevel();
        for (int day = 0; day < days; day++) {
            // Chain-linking: the index moves by the capitalisation-weighted return of the members trading on
            // both days, so listings, delistings and splits do not make it jump.
            double baseCap = 0;
            double openCap = 0;
            double highCap = 0;
            double lowCap = 0;
            double closeCap = 0;
            long vol = 0;
            long val = 0;
            long cap = 0;
            int taken = 0;
            for (PriceHistory h : members) {
                if (taken == limit) {
                    break;
                }
                if (!h.trades(day)) {
                    continue;
                }
                taken++;
                Bar bar = h.bar(day);
                cap += bar.marketCap();
                vol += bar.volume();
                val += bar.value();
                if (day == h.firstDay()) {
                    continue;
                }
                double shares = bar.shares();
                baseCap += shares * bar.base();
                closeCap += shares * bar.close();
                openCap += shares * (bar.halted() ? bar.base() : bar.open());
                highCap += shares * (bar.halted() ? bar.base() : bar.high());
                lowCap += shares * (bar.halted() ? bar.base() : bar.low());
            }
            double previous = level;
            if (baseCap > 0 && day > 0) {
                level = previous * closeCap / baseCap;
                open[day] = round2(previous * openCap / baseCap);
                close[day] = round2(level);
                high[day] = Math.max(round2(previous * highCap / baseCap), Math.max(open[day], close[day]));
                low[day] = Math.min(round2(previous * lowCap / baseCap), Math.min(open[day], close[day]));
            } else {
                open[day] = high[day] = low[day] = close[day] = round2(level);
            }
            volume[day] = vol;
            value[day] = val;
            marketCap[day] = cap;
        }
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public double open(int day) {
        return open[day];
    }

    public double high(int day) {
        return high[day];
    }

    public double low(int day) {
        return low[day];
    }

    public double close(int day) {
        return close[day];
    }

    public double previousClose(int day) {
        return day == 0 ? definition.startLevel() : close[day - 1];
    }

    public long volume(int day) {
        return volume[day];
    }

    public long value(int day) {
        return value[day];
    }

    public long marketCap(int day) {
        return marketCap[day];
    }
}
