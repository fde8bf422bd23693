package io.kmarket.scheduler.crosscheck.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** The per-stock gap findings of ops.data_quality_issues still to repair, and ops.price_gap_repairs. */
@ApplicationScoped
public class GapRepairStore {

    /** A data-quality finding of one stock: no price on {@code tradeDate} (missing-price) or before it (series-gap). */
    public record Finding(LocalDate tradeDate, String check, String code) {
    }

    private final AgroalDataSource dataSource;

    GapRepairStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Per-stock findings up to the date that no repair has settled yet (repaired, or KRX served no row for it):
     * failed repairs are tried again. Ordered by stock, then date.
     */
    public List<Finding> openFindings(LocalDate upTo) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT i.trade_date, i.check_name, i.subject FROM ops.data_quality_issues i
                 WHERE i.check_name IN ('missing-price', 'series-gap') AND i.trade_date <= ?
                   AND NOT EXISTS (SELECT 1 FROM ops.price_gap_repairs r
                                    WHERE r.trade_date = i.trade_date AND r.check_name = i.check_name
                                      AND r.code = i.subject AND r.status IN ('repaired', 'not-served'))
                 ORDER BY i.subject, i.trade_date, i.check_name""")) {
            ps.setDate(1, Date.valueOf(upTo));
            try (ResultSet rs = ps.executeQuery()) {
                List<Finding> findings = new ArrayList<>();
                while (rs.next()) {
                    findings.add(new Finding(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3)));
                }
                return findings;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the open gap findings", e);
        }
    }

    /** The stock's last stored KRX day before the date. */
    public Optional<LocalDate> lastPriceBefore(String code, LocalDate date) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT max(trade_date) FROM market.daily_prices WHERE code = ? AND trade_date < ?")) {
            ps.setString(1, code);
            ps.setDate(2, Date.valueOf(date));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Date last = rs.getDate(1);
                return Optional.ofNullable(last).map(Date::toLocalDate);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the prices of " + code, e);
        }
    }

    public boolean hasPrice(String code, LocalDate date) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM market.daily_prices WHERE code = ? AND trade_date = ?")) {
            ps.setString(1, code);
            ps.setDate(2, Date.valueOf(date));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the prices of " + code, e);
        }
    }

    /** Records what became of a finding; a repeated attempt counts up and replaces the previous outcome. */
    public void record(Finding finding, LocalDate from, LocalDate to, String status, UUID runId, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ops.price_gap_repairs (trade_date, check_name, code, range_from, range_to, status,
                    run_id, attempted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (trade_date, check_name, code) DO UPDATE SET range_from = EXCLUDED.range_from,
                    range_to = EXCLUDED.range_to, status = EXCLUDED.status, run_id = EXCLUDED.run_id,
                    attempted_at = EXCLUDED.attempted_at, attempts = price_gap_repairs.attempts + 1""")) {
            ps.setDate(1, Date.valueOf(finding.tradeDate()));
            ps.setString(2, finding.check());
            ps.setString(3, finding.code());
            ps.setDate(4, Date.valueOf(from));
            ps.setDate(5, Date.valueOf(to));
            ps.setString(6, status);
            ps.setObject(7, runId);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the repair of " + finding, e);
        }
    }
}
