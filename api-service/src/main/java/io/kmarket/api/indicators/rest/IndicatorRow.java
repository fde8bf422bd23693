package io.kmarket.api.indicators.rest;

import java.time.LocalDate;
import java.util.List;

import io.kmarket.api.shared.Csv;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Technical indicators of one trading day; null where the history is too short to compute one. */
@RegisterForReflection
public record IndicatorRow(LocalDate date, Double sma5, Double sma20, Double sma50, Double sma60, Double sma120, Double sma200,
        Double ema12, Double ema26, Double rsi14, Double macd, Double macdSignal, Double macdHist, Double bbMiddle,
        Double bbUpper, Double bbLower, Double volumeRatio) {

    /** The rows as text/csv, the columns in the order of the JSON fields; a missing indicator is empty. */
    public static String csv(List<IndicatorRow> rows) {
        return Csv.table("date,sma5,sma20,sma50,sma60,sma120,sma200,ema12,ema26,rsi14,macd,macd_signal,macd_hist,"
                + "bb_middle,bb_upper,bb_lower,volume_ratio", rows,
                r -> new Object[] { r.date(), r.sma5(), r.sma20(), r.sma50(), r.sma60(), r.sma120(), r.sma200(),
                        r.ema12(), r.ema26(), r.rsi14(), r.macd(), r.macdSignal(), r.macdHist(), r.bbMiddle(),
                        r.bbUpper(), r.bbLower(), r.volumeRatio() });
    }
}
