package io.kmarket.ml.indicators;

import static io.kmarket.ml.indicators.Indicator.BB_LOWER;
import static io.kmarket.ml.indicators.Indicator.BB_MIDDLE;
import static io.kmarket.ml.indicators.Indicator.BB_UPPER;
import static io.kmarket.ml.indicators.Indicator.EMA12;
import static io.kmarket.ml.indicators.Indicator.EMA26;
import static io.kmarket.ml.indicators.Indicator.MACD;
import static io.kmarket.ml.indicators.Indicator.MACD_HIST;
import static io.kmarket.ml.indicators.Indicator.MACD_SIGNAL;
import static io.kmarket.ml.indicators.Indicator.RSI14;
import static io.kmarket.ml.indicators.Indicator.RSI_AVG_GAIN;
import static io.kmarket.ml.indicators.Indicator.RSI_AVG_LOSS;
import static io.kmarket.ml.indicators.Indicator.SMA120;
import static io.kmarket.ml.indicators.Indicator.SMA20;
import static io.kmarket.ml.indicators.Indicator.SMA200;
import static io.kmarket.ml.indicators.Indicator.SMA5;
import static io.kmarket.ml.indicators.Indicator.SMA50;
import static io.kmarket.ml.indicators.Indicator.SMA60;
import static io.kmarket.ml.indicators.Indicator.VOLUME_RATIO;

import java.util.Arrays;

/**
 * The indicator formulas, over one stock's closes and volumes in date order; {@code NaN} means "not enough
 * history yet" and is stored as NULL.
 * <p>
 * Hand-written rather than ta4j for two reasons. Correctness: the definitions kmarket publishes are fixed
 * (EMA and MACD signal seeded with an SMA, Wilder's RSI seeded with a plain mean) and ta4j seeds its EMA with
 * the first close and its RSI moving average differently, so it would publish other numbers for the first
 * months of every stock. Speed: ta4j builds a BarSeries of objects and a Num per value and caches indicator
 * values in object lists; the whole market (millions of values) must be computed in well under a second here,
 * which loops over primitive arrays do without allocating per value.
 * <p>
 * Halted days (volume 0) stay in the series as they come from the exchange: their close is the last traded
 * price, so a halt counts as an unchanged day (a zero change for RSI, a flat close for the averages) and its
 * zero volume lowers the volume average; the volume ratio is NULL when the 20-day volume average is 0.
 * <p>
 * {@link #computeAll} and {@link #computeNext} share the same one-step formulas, so rolling a stock forward
 * one day gives bit-for-bit the value a full recompute gives.
 */
public final class IndicatorKernels {

    public static final int LONGEST_WINDOW = 200;
    static final int RSI_PERIOD = 14;
    static final int SIGNAL_PERIOD = 9;
    static final int BOLLINGER_PERIOD = 20;
    static final double BOLLINGER_WIDTH = 2.0;
    private static final double ALPHA12 = 2.0 / 13;
    private static final double ALPHA26 = 2.0 / 27;
    private static final double ALPHA9 = 2.0 / 10;

    private IndicatorKernels() {
    }

    /** Every indicator for every day: {@code result[indicator.ordinal()][day]}. */
    public static double[][] computeAll(double[] close, double[] volume, int n) {
        double[][] out = new double[Indicator.COUNT][n];
        for (double[] column : out) {
            Arrays.fill(column, Double.NaN);
        }
        sma(close, n, 5, out[SMA5.ordinal()]);
        sma(close, n, 20, out[SMA20.ordinal()]);
        sma(close, n, 50, out[SMA50.ordinal()]);
        sma(close, n, 60, out[SMA60.ordinal()]);
        sma(close, n, 120, out[SMA120.ordinal()]);
        sma(close, n, 200, out[SMA200.ordinal()]);
        ema(close, n, 12, ALPHA12, out[EMA12.ordinal()]);
        ema(close, n, 26, ALPHA26, out[EMA26.ordinal()]);
        macd(out, n);
        rsi(close, n, out);
        for (int i = BOLLINGER_PERIOD - 1; i < n; i++) {
            bollinger(close, i, out[SMA20.ordinal()][i], out, i);
        }
        double[] volumeSma = new double[n];
        Arrays.fill(volumeSma, Double.NaN);
        sma(volume, n, 20, volumeSma);
        for (int i = 0; i < n; i++) {
            out[VOLUME_RATIO.ordinal()][i] = ratio(volume[i], volumeSma[i]);
        }
        return out;
    }

    /**
     * The indicators of the last day of {@code close[0..n)} (at most the last {@link #LONGEST_WINDOW} days of
     * the stock), rolled forward from the previous day's complete recursive state.
     */
    public static double[] computeNext(double[] close, double[] volume, int n, RecursiveState previous) {
        if (!previous.complete() || n < 2) {
            throw new IllegalArgumentException("rolling forward needs the previous day's complete state");
        }
        double[] out = new double[Indicator.COUNT];
        int last = n - 1;
        double c = close[last];
        out[SMA5.ordinal()] = trailingMean(close, n, 5);
        out[SMA20.ordinal()] = trailingMean(close, n, 20);
        out[SMA50.ordinal()] = trailingMean(close, n, 50);
        out[SMA60.ordinal()] = trailingMean(close, n, 60);
        out[SMA120.ordinal()] = trailingMean(close, n, 120);
        out[SMA200.ordinal()] = trailingMean(close, n, 200);
        double ema12 = emaStep(previous.ema12(), c, ALPHA12);
        double ema26 = emaStep(previous.ema26(), c, ALPHA26);
        double macd = ema12 - ema26;
        double signal = emaStep(previous.macdSignal(), macd, ALPHA9);
        out[EMA12.ordinal()] = ema12;
        out[EMA26.ordinal()] = ema26;
        out[MACD.ordinal()] = macd;
        out[MACD_SIGNAL.ordinal()] = signal;
        out[MACD_HIST.ordinal()] = macd - signal;
        double change = c - close[last - 1];
        double gain = wilderStep(previous.rsiAvgGain(), Math.max(change, 0));
        double loss = wilderStep(previous.rsiAvgLoss(), Math.max(-change, 0));
        out[RSI_AVG_GAIN.ordinal()] = gain;
        out[RSI_AVG_LOSS.ordinal()] = loss;
        out[RSI14.ordinal()] = rsi(gain, loss);
        double[][] single = new double[Indicator.COUNT][1];
        if (n >= BOLLINGER_PERIOD) {
            bollinger(close, last, out[SMA20.ordinal()], single, 0);
        } else {
            single[BB_MIDDLE.ordinal()][0] = Double.NaN;
            single[BB_UPPER.ordinal()][0] = Double.NaN;
            single[BB_LOWER.ordinal()][0] = Double.NaN;
        }
        out[BB_MIDDLE.ordinal()] = single[BB_MIDDLE.ordinal()][0];
        out[BB_UPPER.ordinal()] = single[BB_UPPER.ordinal()][0];
        out[BB_LOWER.ordinal()] = single[BB_LOWER.ordinal()][0];
        out[VOLUME_RATIO.ordinal()] = ratio(volume[last], trailingMean(volume, n, 20));
        return out;
    }

    /** Rolling sum over whole closes: exact in doubles (integers far below 2^53), so no drift over long series. */
    private static void sma(double[] values, int n, int period, double[] out) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
            if (i >= period) {
                sum -= values[i - period];
            }
            if (i >= period - 1) {
                out[i] = sum / period;
            }
        }
    }

    private static double trailingMean(double[] values, int n, int period) {
        if (n < period) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = n - period; i < n; i++) {
            sum += values[i];
        }
        return sum / period;
    }

    private static void ema(double[] close, int n, int period, double alpha, double[] out) {
        if (n < period) {
            return;
        }
        double value = 0;
        for (int i = 0; i < period; i++) {
            value += close[i];
        }
        value /= period;
        out[period - 1] = value;
        for (int i = period; i < n; i++) {
            value = emaStep(value, close[i], alpha);
            out[i] = value;
        }
    }

    private static void macd(double[][] out, int n) {
        double[] ema12 = out[EMA12.ordinal()];
        double[] ema26 = out[EMA26.ordinal()];
        double[] macd = out[MACD.ordinal()];
        double[] signal = out[MACD_SIGNAL.ordinal()];
        double[] hist = out[MACD_HIST.ordinal()];
        int first = 25;
        for (int i = first; i < n; i++) {
            macd[i] = ema12[i] - ema26[i];
        }
        int seedEnd = first + SIGNAL_PERIOD - 1;
        if (n <= seedEnd) {
            return;
        }
        double value = 0;
        for (int i = first; i <= seedEnd; i++) {
            value += macd[i];
        }
        value /= SIGNAL_PERIOD;
        signal[seedEnd] = value;
        hist[seedEnd] = macd[seedEnd] - value;
        for (int i = seedEnd + 1; i < n; i++) {
            value = emaStep(value, macd[i], ALPHA9);
            signal[i] = value;
            hist[i] = macd[i] - value;
        }
    }

    private static void rsi(double[] close, int n, double[][] out) {
        if (n <= RSI_PERIOD) {
            return;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= RSI_PERIOD; i++) {
            double change = close[i] - close[i - 1];
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= RSI_PERIOD;
        loss /= RSI_PERIOD;
        for (int i = RSI_PERIOD; i < n; i++) {
            if (i > RSI_PERIOD) {
                double change = close[i] - close[i - 1];
                gain = wilderStep(gain, Math.max(change, 0));
                loss = wilderStep(loss, Math.max(-change, 0));
            }
            out[RSI_AVG_GAIN.ordinal()][i] = gain;
            out[RSI_AVG_LOSS.ordinal()][i] = loss;
            out[RSI14.ordinal()][i] = rsi(gain, loss);
        }
    }

    /** Two-pass variance over the 20 closes: the one-pass sum-of-squares form loses digits on flat prices. */
    private static void bollinger(double[] close, int end, double middle, double[][] out, int at) {
        double squares = 0;
        for (int i = end - BOLLINGER_PERIOD + 1; i <= end; i++) {
            double deviation = close[i] - middle;
            squares += deviation * deviation;
        }
        double width = BOLLINGER_WIDTH * Math.sqrt(squares / BOLLINGER_PERIOD);
        out[BB_MIDDLE.ordinal()][at] = middle;
        out[BB_UPPER.ordinal()][at] = middle + width;
        out[BB_LOWER.ordinal()][at] = middle - width;
    }

    private static double emaStep(double previous, double value, double alpha) {
        return previous + alpha * (value - previous);
    }

    private static double wilderStep(double previous, double current) {
        return (previous * (RSI_PERIOD - 1) + current) / RSI_PERIOD;
    }

    private static double rsi(double avgGain, double avgLoss) {
        return avgLoss == 0 ? 100.0 : 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }

    private static double ratio(double value, double average) {
        return Double.isNaN(average) || average == 0 ? Double.NaN : value / average;
    }
}
