package io.kmarket.scheduler.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * Turns data-quality findings nobody was told about yet into alerts, one per date and check (not one per stock),
 * listing the new subjects. Reads whatever wrote ops.data_quality_issues, so any check or repair job is covered.
 */
@ApplicationScoped
class FindingAlerts {

    private static final Logger LOG = Logger.getLogger(FindingAlerts.class);

    private record Finding(LocalDate date, String check, String subject, String detail) {
    }

    private final AgroalDataSource dataSource;
    private final AlertOutbox outbox;
    private final int listed;

    FindingAlerts(AgroalDataSource dataSource, AlertOutbox outbox, AlertsConfig config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.listed = config.findingsListed();
    }

    /** Queues the alerts of new findings in one transaction with remembering them, so none is told twice. */
    void alertNew(Instant now, boolean deliverable) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                forgetHealed(c);
                Map<String, List<Finding>> groups = new LinkedHashMap<>();
                for (Finding f : remember(c, now)) {
                    groups.computeIfAbsent(f.date() + "|" + f.check(), k -> new ArrayList<>()).add(f);
                }
                for (List<Finding> group : groups.values()) {
                    Finding first = group.getFirst();
                    String subjects = String.join(",", group.stream().map(Finding::subject).toList());
                    String text = text(group);
                    outbox.enqueue(c, "data-quality|" + first.date() + "|" + first.check() + "|"
                            + AlertCause.digest(subjects), null, first.date(), text, deliverable, now);
                    if (!deliverable) {
                        LOG.infof("no webhook configured; alert: %s", text);
                    }
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

    private String text(List<Finding> group) {
        Finding first = group.getFirst();
        StringBuilder text = new StringBuilder(":mag: kmarket data quality *" + first.check() + "* for "
                + first.date() + ": " + group.size() + " new finding" + (group.size() == 1 ? "" : "s"));
        group.stream().limit(listed).forEach(f -> text.append("\n• ").append(f.subject()).append(": ")
                .append(f.detail()));
        if (group.size() > listed) {
            text.append("\n… and ").append(group.size() - listed).append(" more (GET /internal/data-quality?date=")
                    .append(first.date()).append(')');
        }
        return text.toString();
    }
}
