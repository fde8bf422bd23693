package io.kmarket.ml.indicators;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.ml.indicators.store.IndicatorStateReader;
import io.kmarket.ml.indicators.store.IndicatorStateReader.DatedState;
import io.kmarket.ml.indicators.store.IndicatorWriter;
import io.kmarket.ml.market.PriceAdjustments;
import io.kmarket.ml.market.store.AdjustmentReader;
import io.kmarket.ml.market.store.PriceHistoryReader;
import io.kmarket.ml.market.store.StockHistory;

/**
 * Computes and stores the indicators of the whole market: a full recompute over a date range, or one new
 * trading day rolled forward from the stored previous day. Prices are split-adjusted (volumes too).
 * <p>
 * A stock whose factors changed since its stored rows were computed (its market.adjustment_versions version
 * differs from the one recorded with them) has every stored row on the old prices: any run recomputes that stock
 * from its first day to its last stored price, whatever dates were asked for, and records the version with the rows.
 */
@ApplicationScoped
public class IndicatorService {

    private static final Logger LOG = Logger.getLogger(IndicatorService.class);

    /** The bounds of a write that may touch any date (whole histories of stocks recomputed from scratch). */
    private static final LocalDate EVERY_DAY_FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate EVERY_DAY_TO = LocalDate.of(9999, 12, 31);

    private final PriceHistoryReader reader;
    private final AdjustmentReader adjustments;
    private final IndicatorStateReader states;
    private final IndicatorWriter writer;

    public IndicatorService(PriceHistoryReader reader, AdjustmentReader adjustments, IndicatorStateReader states,
            IndicatorWriter writer) {
        this.reader = reader;
        this.adjustments = adjustments;
        this.states = states;
        this.writer = writer;
    }

    /**
     * Recomputes every stock's rows dated {@code from..to}. Reads each stock's whole history up to {@code to},
     * because EMA, MACD and RSI carry every earlier close.
     */
    public ComputeTimings computeRange(LocalDate from, LocalDate to) {
        Stopwatch watch = new Stopwatch();
        int firstDay = (int) from.toEpochDay();
        PriceAdjustments factors = adjustments.all();
        Map<String, Long> stale = staleVersions(factors);
        long rows = write(from, to, stale, watch, batch -> {
            reader.readAll(to, factors, history -> {
                if (!stale.containsKey(history.code())) {
                    writeAll(history, firstDay, batch, watch);
                }
            });
            recomputeFromScratch(stale, factors, batch, watch);
        });
        return finish(rows, watch, "range " + from + ".." + to);
    }

    /**
     * Adds {@code day}'s row for every stock traded that day, reading only the last
     * {@link IndicatorKernels#LONGEST_WINDOW} days and the previous day's stored state. A stock whose previous
     * day was never computed is recomputed from its whole history instead, so the result never depends on
     * whether the days before were computed.
     */
    public ComputeTimings computeDay(LocalDate day) {
        Stopwatch watch = new Stopwatch();
        PriceAdjustments factors = adjustments.all();
        Map<String, Long> stale = staleVersions(factors);
        Map<String, DatedState> previous = states.statesBefore(day);
        List<String> fullHistoryNeeded = new ArrayList<>();
        int dayNumber = (int) day.toEpochDay();
        long rows = write(day, day, stale, watch, batch -> {
            reader.readWindows(day, IndicatorKernels.LONGEST_WINDOW, factors, history -> {
                if (stale.containsKey(history.code())) {
                    return;
                }
                long start = System.nanoTime();
                double[] values = lastDay(history, previous.get(history.code()));
                watch.computed(start);
                if (values == null) {
                    fullHistoryNeeded.add(history.code());
                    return;
                }
                long writeStart = System.nanoTime();
                batch.add(history.code(), dayNumber, values);
                watch.wrote(System.nanoTime() - writeStart);
            });
            if (!fullHistoryNeeded.isEmpty()) {
                LOG.infof("Indicators for %s: %d stocks lack the previous day's state, recomputing their history",
                        day, fullHistoryNeeded.size());
                reader.readCodes(fullHistoryNeeded, day, factors,
                        history -> writeAll(history, dayNumber, batch, watch));
            }
            recomputeFromScratch(stale, factors, batch, watch);
        });
        return finish(rows, watch, "day " + day);
    }

    /**
     * The stocks whose stored rows were computed under other factors than today's, with today's version: a version
     * that moved, or one gained by a stock whose rows predate its first factors. None while the factor tables are
     * missing (nothing can be compared, and unadjusted rows are all there is).
     */
    private Map<String, Long> staleVersions(PriceAdjustments factors) {
        if (!factors.available()) {
            return Map.of();
        }
        Map<String, Long> recorded = states.recordedVersions();
        Set<String> codes = new HashSet<>(recorded.keySet());
        codes.addAll(factors.versions().keySet());
        Map<String, Long> stale = new HashMap<>();
        for (String code : codes) {
            long current = factors.version(code);
            if (current != recorded.getOrDefault(code, PriceAdjustments.NO_VERSION)) {
                stale.put(code, current);
            }
        }
        return stale;
    }

    /** Every stored date of the stale stocks, from their whole histories, with the versions they are now under. */
    private void recomputeFromScratch(Map<String, Long> stale, PriceAdjustments factors, IndicatorWriter.Batch batch,
            Stopwatch watch) {
        if (stale.isEmpty()) {
            return;
        }
        LOG.infof("Indicators: the factors of %d stocks changed since their rows were computed, recomputing them"
                + " from their first day", stale.size());
        reader.readCodes(stale.keySet(), EVERY_DAY_TO, factors,
                history -> writeAll(history, Integer.MIN_VALUE, batch, watch));
        stale.forEach(batch::computedUnder);
    }

    /**
     * The bulk write of {@code fill}'s rows dated {@code from..to}, or of any date when stale stocks are rewritten
     * whole; loading and committing them counts as write time.
     */
    private long write(LocalDate from, LocalDate to, Map<String, Long> stale, Stopwatch watch,
            Consumer<IndicatorWriter.Batch> fill) {
        long[] filledAt = new long[1];
        boolean anyDate = !stale.isEmpty();
        long rows = writer.write(anyDate ? EVERY_DAY_FROM : from, anyDate ? EVERY_DAY_TO : to, batch -> {
            fill.accept(batch);
            filledAt[0] = System.nanoTime();
        });
        watch.wrote(System.nanoTime() - filledAt[0]);
        return rows;
    }

    /** The day's values from the window, or null when the stock's earlier history must be read too. */
    private static double[] lastDay(StockHistory history, DatedState previous) {
        int n = history.size();
        if (n < IndicatorKernels.LONGEST_WINDOW) {
            // The window is the stock's whole history: compute all of it, no stored state needed.
            double[][] all = IndicatorKernels.computeAll(history.closes(), history.volumes(), n);
            double[] last = new double[Indicator.COUNT];
            for (int i = 0; i < last.length; i++) {
                last[i] = all[i][n - 1];
            }
            return last;
        }
        if (previous != null && previous.state().complete() && previous.date().equals(history.date(n - 2))) {
            return IndicatorKernels.computeNext(history.closes(), history.volumes(), n, previous.state());
        }
        return null;
    }

    private static void writeAll(StockHistory history, int firstDay, IndicatorWriter.Batch batch, Stopwatch watch) {
        long start = System.nanoTime();
        int n = history.size();
        double[][] values = IndicatorKernels.computeAll(history.closes(), history.volumes(), n);
        watch.computed(start);
        long writeStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (history.epochDay(i) >= firstDay) {
                batch.add(history.code(), history.epochDay(i), values, i);
            }
        }
        watch.wrote(System.nanoTime() - writeStart);
    }

    private static ComputeTimings finish(long rows, Stopwatch watch, String what) {
        ComputeTimings timings = watch.timings(rows);
        LOG.infof("Indicators for %s: %d rows in %d ms (read %d ms, compute %d ms, write %d ms)", what, rows,
                timings.total().toMillis(), timings.read().toMillis(), timings.compute().toMillis(),
                timings.write().toMillis());
        return timings;
    }

    /** Splits the wall time of a streamed computation: whatever is not compute or write was spent reading. */
    private static final class Stopwatch {
        private final long started = System.nanoTime();
        private long compute;
        private long write;

        void computed(long since) {
            compute += System.nanoTime() - since;
        }

        void wrote(long nanos) {
            write += nanos;
        }

        ComputeTimings timings(long rows) {
            long total = System.nanoTime() - started;
            return new ComputeTimings(rows, Duration.ofNanos(total - compute - write), Duration.ofNanos(compute),
                    Duration.ofNanos(write));
        }
    }
}
