package io.kmarket.api.rest;

import java.util.List;
import java.util.function.Function;

/** CSV (RFC 4180) of daily series: numbers and dates only, so no field ever needs quoting; null is empty. */
final class Csv {

    private Csv() {
    }

    static <T> String table(String header, List<T> rows, Function<T, Object[]> fields) {
        StringBuilder out = new StringBuilder(header.length() + rows.size() * 96).append(header).append("\r\n");
        for (T row : rows) {
            Object[] values = fields.apply(row);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (values[i] != null) {
                    out.append(values[i]);
                }
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String prices(List<DailyPrice> prices) {
        return table("date,open,high,low,close,volume,trading_value,market_cap", prices,
                p -> new Object[] { p.date(), p.open(), p.high(), p.low(), p.close(), p.volume(),
                        p.tradingValue() == null ? null : p.tradingValue().toPlainString(),
                        p.marketCap() == null ? null : p.marketCap().toPlainString() });
    }

    /** Close-only days (KRX's oldest index rows) leave open, high and low empty. */
    static String indexPrices(List<IndexPrice> prices) {
        return table("date,open,high,low,close,volume,trading_value", prices,
                p -> new Object[] { p.date(), p.open(), p.high(), p.low(), p.close(), p.volume(),
                        p.tradingValue() == null ? null : p.tradingValue().toPlainString() });
    }

    static String indicators(List<IndicatorRow> rows) {
        return table("date,sma5,sma20,sma50,sma60,sma120,sma200,ema12,ema26,rsi14,macd,macd_signal,macd_hist,"
                + "bb_middle,bb_upper,bb_lower,volume_ratio", rows,
                r -> new Object[] { r.date(), r.sma5(), r.sma20(), r.sma50(), r.sma60(), r.sma120(), r.sma200(),
                        r.ema12(), r.ema26(), r.rsi14(), r.macd(), r.macdSignal(), r.macdHist(), r.bbMiddle(),
                        r.bbUpper(), r.bbLower(), r.volumeRatio() });
    }
}
