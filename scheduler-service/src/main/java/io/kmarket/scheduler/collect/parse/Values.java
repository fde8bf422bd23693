package io.kmarket.scheduler.collect.parse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Field parsing shared by every source: strings with thousands separators, "-" and "" placeholders for missing
 * values, the date layouts the sources use, and 6-character stock codes that may contain letters.
 */
public final class Values {

    private static final Pattern STOCK_CODE = Pattern.compile("[0-9A-Z]{6}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private Values() {
    }

    /** True for the placeholders sources use for "no value". */
    public static boolean missing(String raw) {
        if (raw == null) {
            return true;
        }
        String trimmed = raw.trim();
        return trimmed.isEmpty() || trimmed.equals("-");
    }

    /** A decimal such as {@code "2,976.21"} or {@code "-1,100"}; null when missing. */
    public static BigDecimal decimal(String field, String raw) {
        if (missing(raw)) {
            return null;
        }
        String plain = raw.trim().replace(",", "");
        if (plain.startsWith("+")) {
            plain = plain.substring(1);
        }
        if (!NUMBER.matcher(plain).matches()) {
            throw new RowException(field + " is not a number: '" + raw + "'");
        }
        return new BigDecimal(plain);
    }

    /** A whole number; null when missing; rejected if it has a fraction. */
    public static Long whole(String field, String raw) {
        BigDecimal value = decimal(field, raw);
        if (value == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new RowException(field + " is not a whole number: '" + raw + "'");
        }
    }

    public static long requiredWhole(String field, String raw) {
        Long value = whole(field, raw);
        if (value == null) {
            throw new RowException(field + " is missing");
        }
        return value;
    }

    public static long nonNegative(String field, String raw) {
        long value = requiredWhole(field, raw);
        if (value < 0) {
            throw new RowException(field + " is negative: '" + raw + "'");
        }
        return value;
    }

    public static BigDecimal requiredDecimal(String field, String raw) {
        BigDecimal value = decimal(field, raw);
        if (value == null) {
            throw new RowException(field + " is missing");
        }
        return value;
    }

    /** {@code 2021/01/29} (KRX ranges). */
    public static LocalDate slashedDate(String field, String raw) {
        return date(field, raw, SLASHED);
    }

    /** {@code 1980.01.04} (KRX index base dates). */
    public static LocalDate dottedDate(String field, String raw) {
        return date(field, raw, DOTTED);
    }

    /** {@code 20210129} (DART, Naver, KIS). */
    public static LocalDate compactDate(String field, String raw) {
        return date(field, raw, DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** {@code 2024-12-30}, optionally followed by a time as Daum sends it ({@code 2024-12-27 00:00:00}). */
    public static LocalDate isoDate(String field, String raw) {
        if (missing(raw)) {
            return null;
        }
        String trimmed = raw.trim();
        return date(field, trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed,
                DateTimeFormatter.ISO_LOCAL_DATE);
    }

    private static LocalDate date(String field, String raw, DateTimeFormatter format) {
        if (missing(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim(), format);
        } catch (DateTimeParseException e) {
            throw new RowException(field + " is not a date: '" + raw + "'");
        }
    }

    /** A 6-character stock code (digits and capital letters, e.g. {@code 00104K}). */
    public static String stockCode(String field, String raw) {
        String code = raw == null ? "" : raw.trim();
        if (!STOCK_CODE.matcher(code).matches()) {
            throw new RowException(field + " is not a 6-character stock code: '" + raw + "'");
        }
        return code;
    }

    /** An OpenDART corp_code: 8 digits, kept as text (leading zeros matter). */
    public static String corpCode(String field, String raw) {
        String code = requiredText(field, raw);
        if (!code.matches("[0-9]{8}")) {
            throw new RowException(field + " is not 8 digits: '" + code + "'");
        }
        return code;
    }

    /** A stock code that may be absent (unlisted companies): null when blank, else validated. */
    public static String optionalStockCode(String field, String raw) {
        String code = text(raw);
        return code == null ? null : stockCode(field, code);
    }

    /** Trimmed text, null when blank (DART sends "" and CORPCODE.xml " " for "none"). */
    public static String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.strip();
    }

    public static String requiredText(String field, String raw) {
        String text = text(raw);
        if (text == null) {
            throw new RowException(field + " is missing");
        }
        return text;
    }
}
