package io.kmarket.ml.reports.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.market.PriceAdjustments;
import io.kmarket.ml.market.store.AdjustmentReader;
import io.kmarket.ml.market.store.PriceHistoryReader;
import io.kmarket.ml.market.store.StockHistory;
import io.kmarket.ml.reports.ReportData;
import io.kmarket.ml.reports.ReportData.Company;
import io.kmarket.ml.reports.ReportData.Disclosure;
import io.kmarket.ml.reports.ReportData.Prediction;

/** Reads what a report shows about one stock, as of a day (or the latest data when no day is given). */
@ApplicationScoped
public class ReportDataReader {

    private static final LocalDate NO_LIMIT = LocalDate.of(9999, 12, 31);
    private static final int DISCLOSURES_SHOWN = 10;

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

    private static final String COMPANY = "SELECT code, name_ko, name_en, market, listed_on FROM market.stocks WHERE code = ?";

    private static final String DISCLOSURES = """
            SELECT rcept_no, receipt_date, report_name, filer_name FROM market.disclosures
            WHERE stock_code = ? AND receipt_date <= ?
            ORDER BY receipt_date DESC, rcept_no DESC LIMIT\s""" + DISCLOSURES_SHOWN;

    private final Jdbc jdbc;
    private final PriceHistoryReader prices;
    private final AdjustmentReader adjustments;

    public ReportDataReader(Jdbc jdbc, PriceHistoryReader prices, AdjustmentReader adjustments) {
        this.jdbc = jdbc;
        this.prices = prices;
        this.adjustments = adjustments;
    }

    public Optional<Company> company(String code) {
        return jdbc.first(COMPANY, rs -> new Company(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), Jdbc.date(rs, 5)), code);
    }

    public ReportData read(Company company, LocalDate asOf) {
        LocalDate until = asOf == null ? NO_LIMIT : asOf;
        StockHistory[] history = { new StockHistory() };
        // Split-adjusted as the day stood: a report as of a past day shows that day's own close, and the earlier
        // days adjusted to it, not prices rescaled by actions that came later.
        PriceAdjustments factors = adjustments.of(List.of(company.code()));
        PriceAdjustments shown = asOf == null ? factors : factors.asOf(asOf);
        // One stock: the reader fills one buffer and never reuses it, so keeping the reference is safe.
        prices.readCodes(List.of(company.code()), until, shown, h -> history[0] = h);
        return new ReportData(company, history[0], disclosures(company.code(), until),
                prediction(company.code(), until));
    }

    private List<Disclosure> disclosures(String code, LocalDate until) {
        return jdbc.query(DISCLOSURES, rs -> new Disclosure(rs.getString(1), Jdbc.date(rs, 2), rs.getString(3),
                rs.getString(4)), code, until);
    }

    private Prediction prediction(String code, LocalDate until) {
        return jdbc.first(PREDICTION, rs -> new Prediction(Jdbc.date(rs, 1), Jdbc.date(rs, 2), rs.getDouble(3),
                rs.getString(4), Jdbc.date(rs, 5), Jdbc.date(rs, 6), Jdbc.nullableInt(rs, 8),
                Jdbc.nullableDouble(rs, 9), Jdbc.nullableDouble(rs, 10), Jdbc.nullableDouble(rs, 11),
                Jdbc.nullableInt(rs, 12), rs.getString(7)), until, code, until).orElse(null);
    }
}
