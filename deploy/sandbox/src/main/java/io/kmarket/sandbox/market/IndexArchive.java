package io.kmarket.sandbox.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The KOSPI composite before the simulated market starts, from its base date (1980-01-04 = 100.00) to the day
 * before the first simulated day, where it meets the simulation's start level. The sandbox simulates stocks for
 * about ten years only, yet the real KOSPI series reaches back to 1980 and its oldest part is close-only: KRX
 * answers {@code "-"} for open, high, low, change and market cap, and {@code ""} for FLUC_TP_CD, before 1995.
 * This archive reproduces that part of the real answer; it has no constituents (the index level is a seeded
 * Brownian bridge between the two known levels) and its calendar is Monday to Saturday until Saturday trading
 * ended in December 1998, weekdays after, without holidays other than 1 January, 25 and 31 December.
 */
public final class IndexArchive {

    /** The only index with an archive: the KOSPI composite, the one long series users ask for. */
    public static final String TICKER = "1001";
    public static final LocalDate BASE_DATE = LocalDate.of(1980, 1, 4);
    static final double BASE_LEVEL = 100.00;
    /** KRX publishes open, high and low (and the day's change) from here on. */
    public static final LocalDate FULL_ROWS_FROM = LocalDate.of(1995, 1, 1);
    static final LocalDate LAST_SATURDAY_SESSION = LocalDate.of(1998, 12, 5);
    private static final double DAILY_VOLATILITY = 0.012;

    private final LocalDate[] days;
    private final long[] epochDays;
    private final double[] close;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final long[] volume;
    private final long[] value;

    IndexArchive(long seed, LocalDate firstSimulatedDay, double startLevel) {
        List<LocalDate> list = new ArrayList<>();
        for (LocalDate d = BASE_DATE; d.isBefore(firstSimulatedDay); d = d.plusDays(1)) {
            if (isSession(d)) {
                list.add(d);
            }
        }
        days = list.toArray(LocalDate[]::new);
        epochDays = list.stream().mapToLong(LocalDate::toEpochDay).toArray();
        int n = days.length;
        close = new double[n];
        open = new double[n];
        high = new double[n];
        low = new double[n];
        volume = new long[n];
        value = new long[n];
        SplittableRandom random = Seeds.random(seed, 7, TICKER.hashCode());
        double[] walk = new double[n];
        for (int i = 1; i < n; i++) {
            walk[i] = walk[i - 1] + random.nextGaussian() * DAILY_VOLATILITY;
        }
        double from = Math.log(BASE_LEVEL);
        double to = Math.log(startLevel);
        for (int i = 0; i < n; i++) {
            // A Brownian bridge: the walk pinned to the base level on day 0 and the start level on the last day.
            double t = n == 1 ? 1 : (double) i / (n - 1);
            close[i] = round2(Math.exp(from + (to - from) * t + walk[i] - t * walk[n - 1]));
            double previous = i == 0 ? close[i] : close[i - 1];
            open[i] = round2(previous * (1 + random.nextGaussian() * DAILY_VOLATILITY / 3));
            high[i] = round2(Math.max(open[i], close[i]) * (1 + random.nextDouble() * DAILY_VOLATILITY / 2));
            low[i] = round2(Math.min(open[i], close[i]) * (1 - random.nextDouble() * DAILY_VOLATILITY / 2));
            // Turnover grew with the market: about a million shares a day in 1980, hundreds of millions later.
            double scale = Math.exp(Math.log(1_000_000) + 6.0 * i / Math.max(1, n - 1));
            volume[i] = Math.round(scale * (0.5 + random.nextDouble()));
            value[i] = Math.round(volume[i] * close[i] * 50.0 / 10_000) * 10_000;
        }
    }

    static boolean isSession(LocalDate d) {
        DayOfWeek dow = d.getDayOfWeek();
        if (dow == DayOfWeek.SUNDAY || dow == DayOfWeek.SATURDAY && d.isAfter(LAST_SATURDAY_SESSION)) {
            return false;
        }
        int month = d.getMonthValue();
        int day = d.getDayOfMonth();
        return !(month == 1 && day == 1) && !(month == 12 && (day == 25 || day == 31));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public int size() {
        return days.length;
    }

    public LocalDate day(int i) {
        return days[i];
    }

    /** Index of the first archived day on or after {@code date}. */
    public int ceilIndex(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the last archived day on or before {@code date}; -1 when none. */
    public int floorIndex(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    /** Whether KRX publishes only the close for this day. */
    public boolean closeOnly(int i) {
        return days[i].isBefore(FULL_ROWS_FROM);
    }

    public double close(int i) {
        return close[i];
    }

    public double previousClose(int i) {
        return i == 0 ? BASE_LEVEL : close[i - 1];
    }

    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    public long volume(int i) {
        return volume[i];
    }

    public long value(int i) {
        return value[i];
    }
}
