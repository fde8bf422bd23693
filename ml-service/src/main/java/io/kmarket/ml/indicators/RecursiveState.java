package io.kmarket.ml.indicators;

/**
 * The recursive indicators of a stock's previous trading day: everything besides the last 200 closes that
 * is needed to roll the indicators forward by one day without re-reading the stock's whole history.
 */
public record RecursiveState(double ema12, double ema26, double macdSignal, double rsiAvgGain, double rsiAvgLoss) {

    /** False until the stock had enough history for every recursion to have started (34 closes for MACD's signal). */
    public boolean complete() {
        return !Double.isNaN(ema12) && !Double.isNaN(ema26) && !Double.isNaN(macdSignal)
                && !Double.isNaN(rsiAvgGain) && !Double.isNaN(rsiAvgLoss);
    }
}
