package io.kmarket.ml.reports;

import static io.kmarket.ml.indicators.Indicator.BB_LOWER;
import static io.kmarket.ml.indicators.Indicator.BB_UPPER;
import static io.kmarket.ml.indicators.Indicator.MACD;
import static io.kmarket.ml.indicators.Indicator.MACD_HIST;
import static io.kmarket.ml.indicators.Indicator.MACD_SIGNAL;
import static io.kmarket.ml.indicators.Indicator.RSI14;
import static io.kmarket.ml.indicators.Indicator.SMA120;
import static io.kmarket.ml.indicators.Indicator.SMA20;
import static io.kmarket.ml.indicators.Indicator.SMA60;
import static io.kmarket.ml.indicators.Indicator.VOLUME_RATIO;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kmarket.ml.indicators.Indicator;
import io.kmarket.ml.indicators.IndicatorKernels;
import io.kmarket.ml.market.store.StockHistory;
import io.kmarket.ml.reports.ReportContent.Charts;
import io.kmarket.ml.reports.ReportContent.Indicators;
import io.kmarket.ml.reports.ReportContent.Latest;
import io.kmarket.ml.reports.ReportContent.PredictionSummary;
import io.kmarket.ml.reports.ReportContent.Signal;

/**
 * Turns a stock's data into report content. Indicators are recomputed from the price history with the same
 * kernels the stored ones come from, so a report is complete even before the day's indicator run.
 */
public final class ReportBuilder {

    static final double OVERBOUGHT = 70;
    static final double OVERSOLD = 30;
    static final double VOLUME_SPIKE = 2.0;
    /** Crosses this many trading days back still count as news. */
    static final int CROSS_LOOKBACK = 5;

    private ReportBuilder() {
    }

    public static ReportContent build(ReportData data) {
        StockHistory history = data.history();
        int n = history.size();
        if (n == 0) {
            throw new IllegalStateException("no prices stored for " + data.company().code());
        }
        double[] close = history.closes();
        double[][] values = IndicatorKernels.computeAll(close, history.volumes(), n);
        int last = n - 1;
        LocalDate lastDate = history.date(last);
        LocalDate yearAgo = lastDate.minusYears(1);
        int from = last;
        while (from > 0 && history.date(from - 1).isAfter(yearAgo)) {
            from--;
        }
        Double previous = n > 1 ? close[last - 1] : null;
        Latest latest = new Latest(close[last], previous, previous == null ? null : close[last] - previous,
                previous == null ? null : (close[last] / previous - 1) * 100, history.volumes()[last]);
        Indicators indicators = new Indicators(at(values, SMA20, last), at(values, SMA60, last),
                at(values, SMA120, last), at(values, RSI14, last), at(values, MACD, last),
                at(values, MACD_SIGNAL, last), at(values, BB_UPPER, last), at(values, BB_LOWER, last),
                at(values, VOLUME_RATIO, last));
        return new ReportContent(data.company(), lastDate, latest, indicators, signals(history, values),
                data.disclosures(), prediction(data.prediction()), charts(history, values, from));
    }

    private static List<Signal> signals(StockHistory history, double[][] v) {
        List<Signal> signals = new ArrayList<>();
        int last = history.size() - 1;
        double[] fast = v[SMA20.ordinal()];
        double[] slow = v[SMA60.ordinal()];
        for (int i = Math.max(1, last - CROSS_LOOKBACK + 1); i <= last; i++) {
            if (Double.isNaN(slow[i - 1])) {
                continue;
            }
            if (fast[i - 1] <= slow[i - 1] && fast[i] > slow[i]) {
                signals.add(new Signal("golden_cross", history.date(i), format("Golden cross on %s: the 20-day"
                        + " average (%,.0f) rose above the 60-day average (%,.0f), often read as an uptrend starting.",
                        history.date(i), fast[i], slow[i])));
            } else if (fast[i - 1] >= slow[i - 1] && fast[i] < slow[i]) {
                signals.add(new Signal("dead_cross", history.date(i), format("Dead cross on %s: the 20-day"
                        + " average (%,.0f) fell below the 60-day average (%,.0f), often read as a downtrend starting.",
                        history.date(i), fast[i], slow[i])));
            }
        }
        LocalDate day = history.date(last);
        double rsi = v[RSI14.ordinal()][last];
        if (rsi >= OVERBOUGHT) {
            signals.add(new Signal("rsi_overbought", day, format("RSI(14) is %.1f, at or above %.0f: overbought,"
                    + " the recent rise has been steep and often pauses.", rsi, OVERBOUGHT)));
        } else if (rsi <= OVERSOLD) {
            signals.add(new Signal("rsi_oversold", day, format("RSI(14) is %.1f, at or below %.0f: oversold,"
                    + " the recent fall has been steep and often pauses.", rsi, OVERSOLD)));
        }
        double close = history.closes()[last];
        if (close > v[BB_UPPER.ordinal()][last]) {
            signals.add(new Signal("band_breakout_up", day, format("Closed at %,.0f, above the upper Bollinger band"
                    + " (%,.0f): an unusually strong move for this stock.", close, v[BB_UPPER.ordinal()][last])));
        } else if (close < v[BB_LOWER.ordinal()][last]) {
            signals.add(new Signal("band_breakout_down", day, format("Closed at %,.0f, below the lower Bollinger band"
                    + " (%,.0f): an unusually weak move for this stock.", close, v[BB_LOWER.ordinal()][last])));
        }
        double ratio = v[VOLUME_RATIO.ordinal()][last];
        if (ratio >= VOLUME_SPIKE) {
            signals.add(new Signal("volume_spike", day, format("Volume was %.1f times its 20-day average:"
                    + " unusually heavy trading.", ratio)));
        }
        return signals;
    }

    private static PredictionSummary prediction(ReportData.Prediction p) {
        if (p == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(format("Model %s puts the chance of a higher close on %s at %.0f%%.",
                p.model(), p.targetDate(), p.probabilityUp() * 100));
        if (p.modelAccuracy() == null) {
            text.append(" Its predictions have not been evaluated yet");
            if (p.walkForwardVerdict() != null) {
                text.append("; in training (walk-forward) its ").append(p.walkForwardVerdict());
            }
            text.append('.');
        } else {
            double best = Math.max(p.alwaysUpAccuracy(), p.yesterdayAccuracy());
            text.append(format(" Measured over its last %d outcome days (%d calls): accuracy %.1f%%, against"
                    + " %.1f%% for always guessing up and %.1f%% for repeating yesterday's direction — %s.",
                    p.evaluationWindow(), p.evaluatedSamples(), p.modelAccuracy() * 100, p.alwaysUpAccuracy() * 100,
                    p.yesterdayAccuracy() * 100, p.modelAccuracy() > best ? "better than both baselines"
                            : "NOT better than a naive baseline, so treat it as noise"));
        }
        return new PredictionSummary(p, text.toString());
    }

    private static Charts charts(StockHistory history, double[][] v, int from) {
        int count = history.size() - from;
        LocalDate[] dates = new LocalDate[count];
        for (int i = 0; i < count; i++) {
            dates[i] = history.date(from + i);
        }
        double[] close = history.closes();
        String price = new SvgChart(340, count)
                .include(close, from).include(v[BB_UPPER.ordinal()], from).include(v[BB_LOWER.ordinal()], from)
                .band(v[BB_UPPER.ordinal()], v[BB_LOWER.ordinal()], from, "#dbe9f6")
                .line(v[SMA120.ordinal()], from, "#8e44ad", 1.2)
                .line(v[SMA60.ordinal()], from, "#27ae60", 1.2)
                .line(v[SMA20.ordinal()], from, "#e67e22", 1.2)
                .line(close, from, "#222", 1.6)
                .render("Price (split-adjusted), 1 year", dates, "Close", "#222", "SMA20", "#e67e22", "SMA60", "#27ae60",
                        "SMA120", "#8e44ad", "Bollinger(20,2)", "#6f9fd8");
        String rsi = new SvgChart(150, count).include(0).include(100)
                .horizontal(OVERBOUGHT, "#c0392b", "70").horizontal(OVERSOLD, "#2980b9", "30")
                .line(v[RSI14.ordinal()], from, "#444", 1.4)
                .render("RSI(14)", dates);
        String macd = new SvgChart(170, count)
                .include(v[MACD.ordinal()], from).include(v[MACD_SIGNAL.ordinal()], from)
                .include(v[MACD_HIST.ordinal()], from).include(0)
                .bars(v[MACD_HIST.ordinal()], from, "#9bd3a6", "#f1a9a0")
                .line(v[MACD.ordinal()], from, "#2c3e50", 1.3)
                .line(v[MACD_SIGNAL.ordinal()], from, "#e74c3c", 1.3)
                .render("MACD(12,26,9)", dates, "MACD", "#2c3e50", "Signal", "#e74c3c", "Histogram", "#7f8c8d");
        return new Charts(price, rsi, macd);
    }

    private static Double at(double[][] values, Indicator indicator, int day) {
        double value = values[indicator.ordinal()][day];
        return Double.isNaN(value) ? null : value;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
