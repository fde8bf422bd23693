package io.kmarket.scheduler.alert.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * ops.alerted_findings: the data-quality findings (ops.data_quality_issues) already told, so each is alerted once,
 * and again only after it was gone and came back. SQL: both statements are set operations against the findings
 * table, not rows to load.
 */
@ApplicationScoped
public class AlertedFindings {

    /** A finding of a check for one subject on one trade date. */
    public record Finding(LocalDate date, String check, String subject, String detail) {
    }

    /** An alert to queue in the outbox; {@code key} identifies its cause. */
    public record Alert(String key, LocalDate date, String text) {
    }

    private final Jdbc jdbc;
    private final AlertOutbox outbox;

    AlertedFindings(Jdbc jdbc, AlertOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * In one transaction: forgets the findings that are gone, remembers the new ones and queues the alerts
     * {@code alertsOf} makes of them (oldest date first), so no finding is told twice and none is remembered
     * without its alert.
     */
    public void queueAlertsOfNew(Instant now, boolean deliverable, Function<List<Finding>, List<Alert>> alertsOf) {
        QuarkusTransaction.joiningExisting().run(() -> {
            forgetHealed();
            for (Alert alert : alertsOf.apply(remember(now))) {
                outbox.enqueue(alert.key(), null, alert.date(), alert.text(), deliverable, now);
            }
        });
    }

    /** A finding that is gone (healed, or no longer found) may come back later: it is news again then. */
    private void forgetHealed() {
        jdbc.update("""
                DELETE FROM ops.alerted_findings a
                 WHERE NOT EXISTS (SELECT 1 FROM ops.data_quality_issues i
                                    WHERE i.trade_date = a.trade_date AND i.check_name = a.check_name
                                      AND i.subject = a.subject)""");
    }

    private List<Finding> remember(Instant now) {
        return jdbc.query("""
                WITH fresh AS (
                    INSERT INTO ops.alerted_findings (trade_date, check_name, subject, alerted_at)
                    SELECT trade_date, check_name, subject, ? FROM ops.data_quality_issues
                    ON CONFLICT DO NOTHING
                    RETURNING trade_date, check_name, subject)
                SELECT f.trade_date, f.check_name, f.subject, i.detail
                  FROM fresh f JOIN ops.data_quality_issues i USING (trade_date, check_name, subject)
                 ORDER BY f.trade_date, f.check_name, f.subject""",
                row -> new Finding(Jdbc.date(row, 1), row.getString(2), row.getString(3), row.getString(4)), now);
    }
}
