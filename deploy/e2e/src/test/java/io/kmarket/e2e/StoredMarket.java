package io.kmarket.e2e;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kmarket.testing.postgres.KmarketTestDatabase;

/** What the scheduler stored, read over JDBC in the shapes of {@link GroundTruth}. */
final class StoredMarket {

    private final KmarketTestDatabase database;

    StoredMarket(KmarketTestDatabase database) {
        this.database = database;
    }

    Map<String, String> dailyPrices(LocalDate date) {
        return rows("""
                SELECT code, open, high, low, close, volume, trading_value, market_cap, shares_out
                  FROM market.daily_prices WHERE trade_date = ? AND source = 'KRX'""", date);
    }

    Map<String, String> stocks() {
        return rows("SELECT code, isin, name_ko, market FROM market.stocks");
    }

    Map<String, String> indexPrices(LocalDate date) {
        return rows("""
                SELECT index_code || '@' || trade_date, open, high, low, close, volume, trading_value
                  FROM market.index_prices WHERE trade_date = ?""", date);
    }

    Map<String, String> disclosures(LocalDate from, LocalDate to) {
        return rows("""
                SELECT rcept_no, corp_code, corp_name, coalesce(stock_code, ''), corp_cls, report_name, filer_name,
                       receipt_date
                  FROM market.disclosures WHERE receipt_date BETWEEN ? AND ?""", from, to);
    }

    /** Rows whose natural key appears more than once (the primary keys forbid it; checked, not assumed). */
    long duplicatedKeys() {
        return number("""
                SELECT (SELECT count(*) - count(DISTINCT (code, trade_date)) FROM market.daily_prices)
                     + (SELECT count(*) - count(DISTINCT (index_code, trade_date)) FROM market.index_prices)
                     + (SELECT count(*) - count(DISTINCT rcept_no) FROM market.disclosures)
                     + (SELECT count(*) - count(DISTINCT code) FROM market.stocks)""");
    }

    long count(String sql, Object... params) {
        return number(sql, params);
    }

    /** ops.fetch_execution_logs by status and error type, e.g. {@code failed/malformed=2, success/=7}. */
    Map<String, Long> executionLog(String site) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String row : list("""
                SELECT status || '/' || coalesce(error_type, ''), count(*) FROM ops.fetch_execution_logs
                 WHERE site_code = ? GROUP BY 1 ORDER BY 1""", site)) {
            String[] parts = row.split("\\|");
            counts.put(parts[0], Long.parseLong(parts[1]));
        }
        return counts;
    }

    List<String> list(String sql, Object... params) {
        List<String> rows = new ArrayList<>();
        query(sql, params, rs -> rows.add(joined(rs, 1)));
        return rows;
    }

    /** Empties what collection writes, so each scenario starts from nothing (site configuration stays). */
    void clear() {
        execute("""
                TRUNCATE market.daily_prices, market.index_prices, market.disclosures, market.stocks,
                         market.indices, market.trading_calendar, market.source_daily_prices, market.quotes,
                         ops.fetch_execution_logs, ops.rejected_records, ops.site_health_status,
                         ops.collection_watermarks, ops.api_keys""");
    }

    void execute(String sql) {
        try (Connection connection = database.connectAsSuperuser(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Map<String, String> rows(String sql, Object... params) {
        Map<String, String> rows = new LinkedHashMap<>();
        query(sql, params, rs -> rows.put(rs.getString(1), joined(rs, 2)));
        return rows;
    }

    private long number(String sql, Object... params) {
        List<String> rows = list(sql, params);
        return Long.parseLong(rows.getFirst());
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Object[] params, RowReader reader) {
        try (Connection connection = database.connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object param = params[i] instanceof LocalDate date ? Date.valueOf(date) : params[i];
                statement.setObject(i + 1, param);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Columns from {@code first} on, joined with '|'; numbers in plain notation, NULL as empty. */
    private static String joined(ResultSet rs, int first) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int column = first; column <= rs.getMetaData().getColumnCount(); column++) {
            Object value = rs.getObject(column);
            values.add(value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString()
                    : value.toString());
        }
        return String.join("|", values);
    }
}
