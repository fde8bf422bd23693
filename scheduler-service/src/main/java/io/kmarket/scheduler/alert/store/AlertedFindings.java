package io.kmarket.scheduler.alert.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * ops.alerted_findings: the data-quality findings (ops.data_quality_issues) already told, so each is alerted once,
 * and again only after it was gone and came back.
 */
@ApplicationScoped
public class AlertedFindings {

    /** A finding of a check for one subject on one trade date. */
    public record Finding(LocalDate date, String check, String subject, String detail) {
    }

    /** An alert to queue in the outbox; {@code key} identifies its cause. */
    public record Alert(String key, LocalDate date, String text) {
    }

    private final AgroalDataSource dataSource;
    private final AlertOutbox outbox;

    AlertedFindings(AgroalDataSource dataSource, AlertOutbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /**
     * In one transaction: forgets the findings that are gone, remembers the new ones and queues the alerts
     * {@code alertsOf} makes of them (oldest date first), so no finding is told twice and none is remembered
     * without its alert.
     */
    public void queueAlertsOfNew(Instant now, boolean deliverable, Function<List<Finding>, List<Alert>> alertsOf) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                forgetHealed(c);
                for (Alert alert : alertsOf.apply(remember(c, now))) {
                    outbox.enqueue(c, alert.key(), null, alert.date(), alert.text(), deliverable, now);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot queue the data-quality alerts", e);
        }
    }

    /** A finding that is gone (healed, or no longer found) may come back later: it is news again then. */
    private static void forgetHealed(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                DELETE FROM ops.alerted_findings a
                 WHERE NOT EXISTS (SELECT 1 FROM ops.data_quality_issues i
                                    WHERE i.trade_date = a.trade_date AND i.check_name = a.check_name
                                      AND i.subject = a.subject)""")) {
            st.executeUpdate();
        }
    }

    private static List<Finding> remember(Connection c, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                WITH fresh AS (
                    INSERT INTO ops.alerted_findings (trade_date, check_name, subject, alerted_at)
                    SELECT trade_date, check_name, subject, ? FROM ops.data_quality_issues
                    ON CONFLICT DO NOTHING
                    RETURNING trade_date, check_name, subject)
                SELECT f.trade_date, f.check_name, f.subject, i.detail
                  FROM fresh f JOIN ops.data_quality_issues i USING (trade_date, check_name, subject)
                 ORDER BY f.trade_date, f.check_name, f.subject""")) {
            st.setTimestamp(1, Timestamp.from(now));
            List<Finding> findings = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    findings.add(new Finding(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
            return findings;
        }
    }
}
