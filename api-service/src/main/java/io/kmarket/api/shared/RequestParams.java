package io.kmarket.api.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.kmarket.kit.problem.BadParameterException;

/**
 * Parses and checks raw request parameters. Resources take parameters as strings and parse them here, because
 * JAX-RS answers an unconvertible query parameter with a bare 404; here every refusal is a 400 naming the
 * parameter.
 */
public final class RequestParams {

    private static final Pattern STOCK_CODE = Pattern.compile("[0-9A-Z]{6}");
    private static final Pattern INDEX_CODE = Pattern.compile("[0-9A-Z]{4}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");
    private static final Set<String> MARKETS = Set.of("STK", "KSQ", "KNX");
    private static final int MAX_QUERY_LENGTH = 100;
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2999;

    private RequestParams() {
    }

    public static String stockCode(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new BadParameterException(name, "is required (6 characters of 0-9 or A-Z, e.g. 005930)");
        }
        if (!STOCK_CODE.matcher(raw).matches()) {
            throw new BadParameterException(name, "must be 6 characters of 0-9 or A-Z, e.g. 005930");
        }
        return raw;
    }

    public static String optionalStockCode(String name, String raw) {
        return raw == null ? null : stockCode(name, raw);
    }

    public static String indexCode(String raw) {
        if (raw == null || !INDEX_CODE.matcher(raw).matches()) {
            throw new BadParameterException("code", "must be 4 characters of 0-9 or A-Z, e.g. 1001 (KOSPI)");
        }
        return raw;
    }

    public static String market(String raw) {
        if (raw == null) {
            return null;
        }
        if (!MARKETS.contains(raw)) {
            throw new BadParameterException("market", "must be one of STK (KOSPI), KSQ (KOSDAQ), KNX (KONEX)");
        }
        return raw;
    }

    public static String searchText(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > MAX_QUERY_LENGTH) {
            throw new BadParameterException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        // PostgreSQL refuses NUL in text; other control characters are never part of a name.
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameterException("q", "must not contain control characters");
        }
        return trimmed;
    }

    public static int limit(String raw, int defaultLimit) {
        if (raw == null) {
            return defaultLimit;
        }
        // ASCII digits only: Integer.parseInt would also take other scripts' digits such as "１００".
        if (LIMIT.matcher(raw).matches()) {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        }
        throw new BadParameterException("limit", "must be an integer from 1 to 1000");
    }

    public static UUID reportId(String raw) {
        if (raw == null || !UUID_TEXT.matcher(raw).matches()) {
            throw new BadParameterException("id", "must be a report id (a UUID)");
        }
        return UUID.fromString(raw);
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw badDate(name);
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw badDate(name);
        }
        return date;
    }

    private static BadParameterException badDate(String name) {
        return new BadParameterException(name, "must be an ISO date (YYYY-MM-DD) between " + MIN_YEAR + " and " + MAX_YEAR);
    }

    /**
     * The from..to range of a request: {@code to} defaults to {@code today} (the Korean day, trading days being
     * Korean wherever the service runs: {@code MarketTime.today(clock)}), {@code from} to {@code defaultSpan} before
     * {@code to}; {@code from} must not be after {@code to}, and the range may not exceed {@code maxSpanDays}.
     */
    public static DateRange range(String rawFrom, String rawTo, LocalDate today, ChronoUnit unit, int defaultSpan,
            int maxSpanDays) {
        LocalDate from = date("from", rawFrom);
        LocalDate to = date("to", rawTo);
        if (to == null) {
            to = from == null ? today : maxOf(from, today);
        }
        if (from == null) {
            from = to.minus(defaultSpan, unit);
        }
        if (from.isAfter(to)) {
            throw new BadParameterException("from", "must not be after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > maxSpanDays) {
            throw new BadParameterException("to", "the range from..to may span at most " + maxSpanDays + " days");
        }
        return new DateRange(from, to);
    }

    private static LocalDate maxOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    public record DateRange(LocalDate from, LocalDate to) {
    }
}
