package io.kmarket.scheduler.crosscheck.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;

/** The per-stock gap findings of ops.data_quality_issues still to repair, and ops.price_gap_repairs. */
@ApplicationScoped
public class GapRepairStore {

    /** A data-quality finding of one stock: no price on {@code tradeDate} (missing-price) or before it (series-gap). */
    public record Finding(LocalDate tradeDate, String check, String code) {
    }

    private final Jdbc jdbc;

    GapRepairStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per-stock findings up to the date that no repair has settled yet (repaired, or KRX served no row for it):
     * failed repairs are tried again. Ordered by stock, then date.
     */
    public List<Finding> openFindings(LocalDate upTo) {
        return jdbc.query("""
                SELECT i.trade_date, i.check_name, i.subject FROM ops.data_quality_issues i
                 WHERE i.check_name IN ('missing-price', 'series-gap') AND i.trade_date <= ?
                   AND NOT EXISTS (SELECT 1 FROM ops.price_gap_repairs r
                                    WHERE r.trade_date = i.trade_date AND r.check_name = i.check_name
                                      AND r.code = i.subject AND r.status IN ('repaired', 'not-served'))
                 ORDER BY i.subject, i.trade_date, i.check_name""",
                row -> new Finding(Jdbc.date(row, 1), row.getString(2), row.getString(3)), upTo);
    }

    /** The stock's last stored KRX day before the date. */
    public Optional<LocalDate> lastPriceBefore(String code, LocalDate date) {
        return jdbc.first("SELECT max(trade_date) FROM market.daily_prices WHERE code = ? AND trade_date < ?",
                row -> Optional.ofNullable(Jdbc.date(row, 1)), code, date).flatMap(last -> last);
    }

    public boolean hasPrice(String code, LocalDate date) {
        return jdbc.first("SELECT 1 FROM market.daily_prices WHERE code = ? AND trade_date = ?", row -> true, code,
                date).isPresent();
    }

    /** Records what became of a finding; a repeated attempt counts up and replaces the previous outcome. */
    public void record(Finding finding, LocalDate from, LocalDate to, String status, UUID runId, Instant at) {
        jdbc.update("""
                INSERT INTO ops.price_gap_repairs (trade_date, check_name, code, range_from, range_to, status,
                    run_id, attempted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (trade_date, check_name, code) DO UPDATE SET range_from = EXCLUDED.range_from,
                    range_to = EXCLUDED.range_to, status = EXCLUDED.status, run_id = EXCLUDED.run_id,
                    attempted_at = EXCLUDED.attempted_at, attempts = price_gap_repairs.attempts + 1""",
                finding.tradeDate(), finding.check(), finding.code(), from, to, status, runId, at);
    }
}
