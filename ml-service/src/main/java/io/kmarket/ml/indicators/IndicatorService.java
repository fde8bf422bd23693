package io.kmarket.ml.indicators;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.ml.indicators.store.IndicatorStateReader;
import io.kmarket.ml.indicators.store.IndicatorStateReader.DatedState;
import io.kmarket.ml.indicators.store.IndicatorWriter;
import io.kmarket.ml.market.store.PriceHistoryReader;
import io.kmarket.ml.market.store.StockHistory;

/**
 * Computes and stores the indicators of the whole market: a full recompute over a date range, or one new
 * trading day rolled forward from the stored previous day.
 */
@ApplicationScoped
public class IndicatorService {

    private static final Logger LOG = Logger.getLogger(IndicatorService.class);

    private final PriceHistoryReader reader;
    private final IndicatorStateReader states;
    private final IndicatorWriter writer;

    public IndicatorService(PriceHistoryReader reader, IndicatorStateReader states, IndicatorWriter writer) {
        this.reader = reader;
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
        long rows = write(from, to, watch,
                batch -> reader.readAll(to, history -> writeAll(history, firstDay, batch, watch)));
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
        Map<String, DatedState> previous = states.statesBefore(day);
        List<String> fullHistoryNeeded = new ArrayList<>();
        int dayNumber = (int) day.toEpochDay();
        long rows = write(day, day, watch, batch -> {
            reader.readWindows(day, IndicatorKernels.LONGEST_WINDOW, history -> {
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
                reader.readCodes(fullHistoryNeeded, day, history -> writeAll(history, dayNumber, batch, watch));
            }
        });
        return finish(rows, watch, "day " + day);
    }

    /** The bulk write of {@code fill}'s rows; loading and committing them counts as write time. */
    private long write(LocalDate from, LocalDate to, Stopwatch watch, Consumer<IndicatorWriter.Batch> fill) {
        long[] filledAt = new long[1];
        long rows = writer.write(from, to, batch -> {
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
