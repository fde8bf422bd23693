package io.kmarket.ml.indicators;

/**
 * The indicator definitions (SMA, EMA, MACD, Wilder's RSI, Bollinger width, volume ratio) written as plainly as
 * possible, one value at a time, to check the production kernels against: no shared code, no rolling sums, no
 * shared recursion helpers. Null = not enough history.
 */
final class TextbookIndicators {

    private TextbookIndicators() {
    }

    /** Whole prices as the doubles the definitions below take (exact: far below 2^53). */
    static double[] asDoubles(long[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    static Double sma(long[] values, int day, int n) {
        return sma(asDoubles(values), day, n);
    }

    static Double macd(long[] close, int day) {
        return macd(asDoubles(close), day);
    }

    static Double sma(double[] values, int day, int n) {
        if (day + 1 < n) {
            return null;
        }
        double sum = 0;
        for (int k = day - n + 1; k <= day; k++) {
            sum += values[k];
        }
        return sum / n;
    }

    static Double ema(double[] close, int day, int n) {
        if (day + 1 < n) {
            return null;
        }
        double alpha = 2.0 / (n + 1);
        double ema = sma(close, n - 1, n);
        for (int k = n; k <= day; k++) {
            ema = alpha * close[k] + (1 - alpha) * ema;
        }
        return ema;
    }

    static Double macd(double[] close, int day) {
        Double fast = ema(close, day, 12);
        Double slow = ema(close, day, 26);
        return fast == null || slow == null ? null : fast - slow;
    }

    static Double macdSignal(double[] close, int day) {
        int firstMacd = 25;
        int seedDay = firstMacd + 8;
        if (day < seedDay) {
            return null;
        }
        double signal = 0;
        for (int k = firstMacd; k <= seedDay; k++) {
            signal += macd(close, k);
        }
        signal /= 9;
        for (int k = seedDay + 1; k <= day; k++) {
            signal = 0.2 * macd(close, k) + 0.8 * signal;
        }
        return signal;
    }

    static Double rsi(double[] close, int day) {
        if (day < 14) {
            return null;
        }
        double gain = 0;
        double loss = 0;
        for (int k = 1; k <= 14; k++) {
            double change = close[k] - close[k - 1];
            if (change > 0) {
                gain += change;
            } else {
                loss -= change;
            }
        }
        gain /= 14;
        loss /= 14;
        for (int k = 15; k <= day; k++) {
            double change = close[k] - close[k - 1];
            gain = (gain * 13 + (change > 0 ? change : 0)) / 14;
            loss = (loss * 13 + (change < 0 ? -change : 0)) / 14;
        }
        if (loss == 0) {
            return 100.0;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    static Double bollingerWidth(double[] close, int day) {
        Double mean = sma(close, day, 20);
        if (mean == null) {
            return null;
        }
        double squares = 0;
        for (int k = day - 19; k <= day; k++) {
            squares += Math.pow(close[k] - mean, 2);
        }
        return 2 * Math.sqrt(squares / 20);
    }

    static Double volumeRatio(double[] volume, int day) {
        Double average = sma(volume, day, 20);
        return average == null || average == 0 ? null : volume[day] / average;
    }
}
