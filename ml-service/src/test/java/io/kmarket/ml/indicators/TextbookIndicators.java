package io.kmarket.ml.indicators;

/**
 * The indicator definitions (SMA, EMA, MACD, Wilder's RSI, Bollinger width, volume ratio) written as plainly as
 * possible, one value at a time, to check the production kernels against: no shared code, no rolling sums, no
 * shared recursion helpers. Null = not enough history.
 */
final class TextbookIndicators {

    private TextbookIndicators() {
    }

    static Double sma(long[] values, int day, int n) {
        if (day + 1 < n) {
            return null;
        }
        double sum = 0;
        for (int k = day - n + 1; k <= day; k++) {
            sum += values[k];
        }
        return sum / n;
    }

    static Double ema(long[] close, int day, int n) {
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

    static Double macd(long[] close, int day) {
        Double fast = ema(close, day, 12);
        Double slow = ema(close, day, 26);
        return fast == null || slow == null ? null : fast - slow;
    }

    static Double macdSignal(long[] close, int day) {
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

    static Double rsi(long[] close, int day) {
        if (day < 14) {
            return null;
        }
        double gain = 0;
        double loss = 0;
        for (int k = 1; k <= 14; k++) {
            long change = close[k] - close[k - 1];
            if (change > 0) {
                gain += change;
            } else {
                loss -= change;
            }
        }
        gain /= 14;
        loss /= 14;
        for (int k = 15; k <= day; k++) {
            long change = close[k] - close[k - 1];
            gain = (gain * 13 + (change > 0 ? change : 0)) / 14;
            loss = (loss * 13 + (change < 0 ? -change : 0)) / 14;
        }
        if (loss == 0) {
            return 100.0;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    static Double bollingerWidth(long[] close, int day) {
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

    static Double volumeRatio(long[] volume, int day) {
        Double average = sma(volume, day, 20);
        return average == null || average == 0 ? null : volume[day] / average;
    }
}
