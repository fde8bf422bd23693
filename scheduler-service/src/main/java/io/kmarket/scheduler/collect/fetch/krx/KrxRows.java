package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow.DailyPrice;

/**
 * Field parsing shared by the KRX bld codes: MDCSTAT01501 and MDCSTAT01701 use the same TDD_* fields, and the
 * dividend and change-history screens write par values the same way.
 */
final class KrxRows {

    static final String SOURCE = "KRX";
    static final Set<String> MARKETS = Set.of("STK", "KSQ", "KNX");
    /** What KRX shows as the par value of a share without one. */
    static final String NO_PAR = "무액면";

    // "2026.01.25 PM 08:27:25": KRX stamps every answer with its own time of day in Seoul.
    private static final DateTimeFormatter CURRENT_DATETIME = DateTimeFormatter.ofPattern("yyyy.MM.dd a hh:mm:ss",
            Locale.ENGLISH);

    private KrxRows() {
    }

    /**
     * The Seoul day KRX answered on, from the answer's own CURRENT_DATETIME stamp (the day its "current" data is
     * about), else the day on the clock.
     */
    static LocalDate answeredOn(JsonNode answer, Clock clock) {
        String stamp = text(answer, "CURRENT_DATETIME");
        if (stamp != null) {
            try {
                return LocalDate.parse(stamp.trim(), CURRENT_DATETIME);
            } catch (DateTimeParseException e) {
                // An unexpected stamp says nothing about the data: the clock's day will do.
            }
        }
        return MarketTime.today(clock);
    }

    /** True for a row without a close: a holiday, or a stock that did not trade. */
    static boolean untraded(JsonNode row) {
        return Values.missing(text(row, "TDD_CLSPRC"));
    }

    static DailyPrice dailyPrice(String code, LocalDate date, JsonNode row) {
        long open = Values.nonNegative("TDD_OPNPRC", text(row, "TDD_OPNPRC"));
        long high = Values.nonNegative("TDD_HGPRC", text(row, "TDD_HGPRC"));
        long low = Values.nonNegative("TDD_LWPRC", text(row, "TDD_LWPRC"));
        long close = Values.nonNegative("TDD_CLSPRC", text(row, "TDD_CLSPRC"));
        if (high < low) {
            throw new RowException("high " + high + " is below low " + low);
        }
        return new DailyPrice(code, date, open, high, low, close,
                Values.nonNegative("ACC_TRDVOL", text(row, "ACC_TRDVOL")),
                Values.requiredDecimal("ACC_TRDVAL", text(row, "ACC_TRDVAL")),
                Values.decimal("MKTCAP", text(row, "MKTCAP")),
                Values.whole("LIST_SHRS", text(row, "LIST_SHRS")), basePrice(close, row), SOURCE);
    }

    /**
     * The day's reference price (기준가): KRX reports the change against it, not against the previous close, so on
     * an ex-date (a split's re-listing, 권리락) the close minus the change is the price KRX set from the event.
     * Null when KRX gives no change ("-").
     */
    static Long basePrice(long close, JsonNode row) {
        Long change = Values.whole("CMPPREVDD_PRC", text(row, "CMPPREVDD_PRC"));
        if (change == null) {
            return null;
        }
        long base = close - change;
        if (base < 0) {
            throw new RowException("reference price TDD_CLSPRC - CMPPREVDD_PRC is negative: " + close + " - ("
                    + change + ")");
        }
        return base;
    }

    /** A par value (액면가) as KRX writes it ("5,000"); null for a no-par share (무액면) or "-". */
    static Long parValue(String field, String raw) {
        if (raw != null && raw.strip().equals(NO_PAR)) {
            return null;
        }
        Long par = Values.whole(field, raw);
        if (par != null && par < 0) {
            throw new RowException(field + " is negative: '" + raw + "'");
        }
        return par;
    }

    static String market(String field, String raw) {
        String market = raw == null ? "" : raw.trim();
        if (!MARKETS.contains(market)) {
            throw new RowException(field + " is not a stock market (STK/KSQ/KNX): '" + raw + "'");
        }
        return market;
    }

    /**
     * Why a finder row is not a share kmarket keeps, or null when it is one. KRX's finders also list warrants and
     * rights (8-character short codes, ISIN {@code KRA…}) and other non-stock securities (ISIN {@code KR} + a type
     * other than 7, e.g. {@code KR8…}); a foreign issuer's share keeps its home ISIN ({@code HK0…}, {@code KYG…}) and
     * a 6-character code, and is kept.
     */
    static String notAShare(String shortCode, String isin) {
        String code = shortCode == null ? "" : shortCode.trim();
        if (code.length() != 6) {
            return "not a share: short code '" + code + "' is not 6 characters (a warrant or right)";
        }
        String full = isin == null ? "" : isin.trim();
        if (full.startsWith("KR") && !full.startsWith("KR7")) {
            return "not a share: ISIN '" + full + "' is a Korean non-stock security (only KR7 is a share)";
        }
        return null;
    }

    static String yyyymmdd(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }
}
