package io.kmarket.ml.indicators;

/** One stored indicator column of analytics.indicators, in the order the kernels produce them. */
public enum Indicator {
    SMA5("sma5"),
    SMA20("sma20"),
    SMA50("sma50"),
    SMA60("sma60"),
    SMA120("sma120"),
    SMA200("sma200"),
    EMA12("ema12"),
    EMA26("ema26"),
    RSI14("rsi14"),
    MACD("macd"),
    MACD_SIGNAL("macd_signal"),
    MACD_HIST("macd_hist"),
    BB_MIDDLE("bb_middle"),
    BB_UPPER("bb_upper"),
    BB_LOWER("bb_lower"),
    VOLUME_RATIO("volume_ratio"),
    RSI_AVG_GAIN("rsi_avg_gain"),
    RSI_AVG_LOSS("rsi_avg_loss");

    public static final int COUNT = values().length;

    private final String column;

    Indicator(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
