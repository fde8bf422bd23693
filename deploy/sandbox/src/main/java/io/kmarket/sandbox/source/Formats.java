package io.kmarket.sandbox.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and date spellings shared by the emulated sources. */
public final class Formats {

    public static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    public static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private static final ThreadLocal<DecimalFormat> COMMA = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    private static final ThreadLocal<DecimalFormat> COMMA2 = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    private Formats() {
    }

    /** {@code 1234567 -> "1,234,567"}, {@code -4000 -> "-4,000"}. */
    public static String comma(long value) {
        return COMMA.get().format(value);
    }

    /** {@code 2976.21 -> "2,976.21"}. */
    public static String comma2(double value) {
        return COMMA2.get().format(value);
    }

    /** Percentage with two decimals, half-up: {@code change / base * 100}. */
    public static String percent(double change, double base) {
        if (base == 0) {
            return "0.00";
        }
        return BigDecimal.valueOf(change * 100 / base).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public static LocalDate parseBasic(String value) {
        return LocalDate.parse(value, BASIC);
    }
}
