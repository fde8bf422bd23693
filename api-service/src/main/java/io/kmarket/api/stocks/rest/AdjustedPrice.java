package io.kmarket.api.stocks.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import io.kmarket.api.actions.Adjustment;
import io.kmarket.api.actions.AdjustmentFactors;
import io.kmarket.api.shared.Csv;
import io.kmarket.api.shared.Decimals;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One trading day of a stock adjusted for its corporate actions: prices × {@code adjustmentFactor}, volume ÷ the
 * day's split factor (in both modes: a cash dividend changes no share count); trading value and market cap as
 * traded. Numbers carry the full precision of the double product, written plain by {@link Decimals} in JSON (this
 * record writes its own fields, in component order) and CSV alike.
 */
@RegisterForReflection
public record AdjustedPrice(LocalDate date, double open, double high, double low, double close, double volume,
        BigDecimal tradingValue, BigDecimal marketCap, double adjustmentFactor) implements JsonSerializable {

    /** {@code factors} stands on {@code raw}'s day. */
    public static AdjustedPrice of(DailyPrice raw, Adjustment mode, AdjustmentFactors.Walker factors) {
        double split = factors.splitFactor();
        double price = mode == Adjustment.TOTAL ? factors.totalFactor() : split;
        return new AdjustedPrice(raw.date(), raw.open() * price, raw.high() * price, raw.low() * price,
                raw.close() * price, raw.volume() / split, raw.tradingValue(), raw.marketCap(), price);
    }

    /** The rows as text/csv: the unadjusted columns and adjustment_factor. */
    static String csv(List<AdjustedPrice> prices) {
        return Csv.table("date,open,high,low,close,volume,trading_value,market_cap,adjustment_factor", prices,
                p -> new Object[] { p.date(), Decimals.plain(p.open()), Decimals.plain(p.high()),
                        Decimals.plain(p.low()), Decimals.plain(p.close()), Decimals.plain(p.volume()),
                        p.tradingValue() == null ? null : p.tradingValue().toPlainString(),
                        p.marketCap() == null ? null : p.marketCap().toPlainString(),
                        Decimals.plain(p.adjustmentFactor()) });
    }

    @Override
    public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        json.writeStringField("date", date.toString());
        writeField(json, "open", open);
        writeField(json, "high", high);
        writeField(json, "low", low);
        writeField(json, "close", close);
        writeField(json, "volume", volume);
        writeField(json, "tradingValue", tradingValue);
        writeField(json, "marketCap", marketCap);
        writeField(json, "adjustmentFactor", adjustmentFactor);
        json.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer type)
            throws IOException {
        serialize(json, provider);
    }

    private static void writeField(JsonGenerator json, String name, double value) throws IOException {
        json.writeFieldName(name);
        Decimals.write(json, value);
    }

    private static void writeField(JsonGenerator json, String name, BigDecimal value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }
}
