package io.kmarket.ml.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.ml.service.reports.ReportData;
import io.kmarket.ml.service.reports.ReportData.Company;
import io.kmarket.ml.service.reports.ReportData.Disclosure;
import io.kmarket.ml.service.reports.ReportData.Prediction;

/** Reads what a report shows about one stock, as of a day (or the latest data when no day is given). */
@ApplicationScoped
public class ReportDataReader {

    private static final LocalDate NO_LIMIT = LocalDate.of(9999, 12, 31);
    private static final int DISCLOSURES = 10;

    private static final String PREDICTION = """
            SELECT p.trade_date, p.target_date, p.prob_up, m.name || ' ' || m.version, m.train_from, m.train_to,
                   m.metrics ->> 'verdict', e.window_days, e.model_acc, e.up_acc, e.yesterday_acc, e.samples
            FROM analytics.predictions p
            JOIN analytics.model_versions m ON m.id = p.model_id
            LEFT JOIN LATERAL (
                SELECT window_days, max(samples) FILTER (WHERE strategy = 'model') AS samples,
                       max(accuracy) FILTER (WHERE strategy = 'model') AS model_acc,
                       max(accuracy) FILTER (WHERE strategy = 'always_up') AS up_acc,
                       max(accuracy) FILTER (WHERE strategy = 'yesterday') AS yesterday_acc
                FROM analytics.prediction_evaluations ev
                WHERE ev.model_id = p.model_id AND ev.eval_date <= ?
                GROUP BY eval_date, window_days
                ORDER BY eval_date DESC, window_days DESC LIMIT 1) e ON true
            WHERE p.code = ? AND p.trade_date <= ?
            ORDER BY p.trade_date DESC, p.created_at DESC LIMIT 1""";

    private final DataSource dataSource;
    private final PriceHistoryReader prices;

    public ReportDataReader(DataSource dataSource, PriceHistoryReader prices) {
        this.dataSource = dataSource;
        this.prices = prices;
    }

    public Optional<Company> company(String code) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT code, name_ko, name_en, market, listed_on FROM market.stocks WHERE code = ?")) {
            statement.setString(1, code);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Company(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class))) : Optional.empty();
            }
        }
    }

    public ReportData read(Company company, LocalDate asOf) throws SQLException {
        LocalDate until = asOf == null ? NO_LIMIT : asOf;
        StockHistory[] history = { new StockHistory() };
        // One stock: the reader fills one buffer and never reuses it, so keeping the reference is safe.
        prices.readCodes(List.of(company.code()), until, h -> history[0] = h);
        return new ReportData(company, history[0], disclosures(company.code(), until),
                prediction(company.code(), until));
    }

    private List<Disclosure> disclosures(String code, LocalDate until) throws SQLException {
        List<Disclosure> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT rcept_no, receipt_date,"
                        + " report_name, filer_name FROM market.disclosures WHERE stock_code = ? AND receipt_date <= ?"
                        + " ORDER BY receipt_date DESC, rcept_no DESC LIMIT " + DISCLOSURES)) {
            statement.setString(1, code);
            statement.setObject(2, until);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(new Disclosure(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return result;
    }

    private Prediction prediction(String code, LocalDate until) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(PREDICTION)) {
            statement.setObject(1, until);
            statement.setString(2, code);
            statement.setObject(3, until);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Prediction(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getDouble(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), (Integer) rs.getObject(8), nullable(rs, 9),
                        nullable(rs, 10), nullable(rs, 11), (Integer) rs.getObject(12), rs.getString(7));
            }
        }
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
