package io.kmarket.ml.predictions;

import java.util.List;

/**
 * The model's inputs for one stock on one day, all from data known at that day's close (indicators of the
 * day, its close and the closes 1 and 5 trading days earlier): no value from a later day can enter.
 * <p>
 * Returns are of total-adjusted closes (splits and the like, and cash dividends, market.adjustment_factors), so a
 * split is no −98 % day and an ex-dividend day's drop is paid back by the dividend. The close is compared with the
 * day's indicators in their own basis, the split-adjusted one.
 */
public final class Features {

    public static final List<String> NAMES = List.of("close_vs_sma20", "close_vs_sma60", "sma5_vs_sma20",
            "rsi14_centered", "macd_hist_vs_close", "bollinger_percent_b", "log_volume_ratio", "return_1d",
            "return_5d");
    public static final int COUNT = NAMES.size();

    /** A floor for the volume ratio: halted days have ratio 0, whose logarithm is not a number. */
    private static final double MIN_VOLUME_RATIO = 0.01;

    private Features() {
    }

    /**
     * The inputs of one day as read from the database: the split-adjusted close (the indicators' basis), the
     * total-adjusted closes of the day and 1 and 5 trading days before; nulls mean "not enough history".
     */
    public record Inputs(double close, double totalClose, Double totalClose1DayAgo, Double totalClose5DaysAgo,
            Double sma5, Double sma20, Double sma60, Double rsi14, Double macdHist, Double bbUpper, Double bbLower,
            Double volumeRatio) {
    }

    /** Writes the features into {@code out} at {@code offset}; false (and nothing usable) when history is short. */
    public static boolean extract(Inputs in, double[] out, int offset) {
        if (in.totalClose1DayAgo() == null || in.totalClose5DaysAgo() == null || in.sma5() == null || in.sma20() == null
                || in.sma60() == null || in.rsi14() == null || in.macdHist() == null || in.bbUpper() == null
                || in.bbLower() == null || in.volumeRatio() == null) {
            return false;
        }
        double close = in.close();
        double bandWidth = in.bbUpper() - in.bbLower();
        out[offset] = close / in.sma20() - 1;
        out[offset + 1] = close / in.sma60() - 1;
        out[offset + 2] = in.sma5() / in.sma20() - 1;
        out[offset + 3] = (in.rsi14() - 50) / 50;
        out[offset + 4] = in.macdHist() / close;
        out[offset + 5] = bandWidth == 0 ? 0 : (close - in.bbLower()) / bandWidth - 0.5;
        out[offset + 6] = Math.log(Math.max(in.volumeRatio(), MIN_VOLUME_RATIO));
        out[offset + 7] = in.totalClose() / in.totalClose1DayAgo() - 1;
        out[offset + 8] = in.totalClose() / in.totalClose5DaysAgo() - 1;
        return true;
    }
}
