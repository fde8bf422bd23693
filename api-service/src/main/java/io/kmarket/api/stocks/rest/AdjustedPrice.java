package io.kmarket.api.stocks.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.kmarket.api.actions.Adjustment;
import io.kmarket.api.actions.AdjustmentFactors;
import io.kmarket.api.shared.Csv;
import io.kmarket.api.shared.Decimals;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One trading day of a stock adjusted for its corporate actions: prices × {@code adjustmentFactor}, volume ÷ the
 * day's split factor (in both modes: a cash dividend changes no share count); trading value and market cap as
 * traded. Decimals carry the full precision of the double product.
 */
@RegisterForReflection
public record AdjustedPrice(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        BigDecimal volume, BigDecimal tradingValue, BigDecimal marketCap, BigDecimal adjustmentFactor) {

    /** {@code factors} stands on {@code raw}'s day. */
    public static AdjustedPrice of(DailyPrice raw, Adjustment mode, AdjustmentFactors.Walker factors) {
        double split = factors.splitFactor();
        double price = mode == Adjustment.TOTAL ? factors.totalFactor() : split;
        return new AdjustedPrice(raw.date(), Decimals.plain(raw.open() * price), Decimals.plain(raw.high() * price),
                Decimals.plain(raw.low() * price), Decimals.plain(raw.close() * price),
                Decimals.plain(raw.volume() / split), raw.tradingValue(), raw.marketCap(), Decimals.plain(price));
    }

    /** The rows as text/csv: the unadjusted columns and adjustment_factor. */
    static String csv(List<AdjustedPrice> prices) {
        return Csv.table("date,open,high,low,close,volume,trading_value,market_cap,adjustment_factor", prices,
                p -> new Object[] { p.date(), p.open(), p.high(), p.low(), p.close(), p.volume(),
                        p.tradingValue() == null ? null : p.tradingValue().toPlainString(),
                        p.marketCap() == null ? null : p.marketCap().toPlainString(), p.adjustmentFactor() });
    }
}
