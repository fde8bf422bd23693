package io.kmarket.api.stocks.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.stocks.rest.LatestPrice;
import io.kmarket.api.stocks.rest.StockProfile;
import io.kmarket.api.stocks.rest.StockSummary;
import io.kmarket.kit.jdbc.Jdbc;

/** Listed stocks: keyset search in code order, profiles with their latest two days, existence checks. */
@ApplicationScoped
public class StockStore {

    private static final String SEARCH = """
            SELECT code, name_ko, name_en, market, listed_on, delisted_on FROM market.stocks
             WHERE (?::text IS NULL OR market = ?)
               AND (?::text IS NULL OR code LIKE ? ESCAPE '\\' OR name_ko ILIKE ? ESCAPE '\\' OR name_en ILIKE ? ESCAPE '\\')
               AND (?::text IS NULL OR code > ?)
             ORDER BY code
             LIMIT ?""";

    private static final String PROFILE = """
            SELECT code, isin, name_ko, name_en, market, corp_code, listed_on, delisted_on
              FROM market.stocks WHERE code = ?""";

    private static final String LATEST_TWO_DAYS = """
            SELECT trade_date, open, high, low, close, volume FROM market.daily_prices
             WHERE code = ? ORDER BY trade_date DESC LIMIT 2""";

    private static final String EXISTS = "SELECT 1 FROM market.stocks WHERE code = ?";

    private final Jdbc jdbc;

    StockStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stocks in code order after {@code afterCode}, optionally of one market and matching a code prefix or name. */
    public List<StockSummary> search(String market, String text, String afterCode, int limit) {
        String codePrefix = text == null ? null : escapeLike(text.toUpperCase()) + "%";
        String namePattern = text == null ? null : "%" + escapeLike(text) + "%";
        return jdbc.query(SEARCH, row -> new StockSummary(row.getString("code"), row.getString("name_ko"), row.getString("name_en"),
                row.getString("market"), Jdbc.date(row, "listed_on"), Jdbc.date(row, "delisted_on")), market, market, text,
                codePrefix, namePattern, namePattern, afterCode, afterCode, limit);
    }

    public StockProfile profile(String code) {
        List<LatestPrice> latest = jdbc.query(LATEST_TWO_DAYS, StockStore::latestRow, code);
        return jdbc.first(PROFILE, row -> new StockProfile(row.getString("code"),
                row.getString("isin"), row.getString("name_ko"), row.getString("name_en"), row.getString("market"),
                row.getString("corp_code"), Jdbc.date(row, "listed_on"), Jdbc.date(row, "delisted_on"),
                withChange(latest)), code).orElse(null);
    }

    public boolean exists(String code) {
        return jdbc.first(EXISTS, row -> true, code).isPresent();
    }

    private static LatestPrice latestRow(ResultSet row) throws SQLException {
        return new LatestPrice(Jdbc.date(row, "trade_date"), row.getLong("open"), row.getLong("high"),
                row.getLong("low"), row.getLong("close"), row.getLong("volume"), null, null, null);
    }

    private static LatestPrice withChange(List<LatestPrice> newestFirst) {
        if (newestFirst.isEmpty()) {
            return null;
        }
        LatestPrice last = newestFirst.getFirst();
        if (newestFirst.size() < 2) {
            return last;
        }
        long previous = newestFirst.get(1).close();
        long change = last.close() - previous;
        BigDecimal percent = previous == 0 ? null
                : BigDecimal.valueOf(change * 100).divide(BigDecimal.valueOf(previous), 2, RoundingMode.HALF_UP);
        return new LatestPrice(last.date(), last.open(), last.high(), last.low(), last.close(), last.volume(),
                previous, change, percent);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
