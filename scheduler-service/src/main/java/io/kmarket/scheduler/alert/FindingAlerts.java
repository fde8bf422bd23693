package io.kmarket.scheduler.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.alert.store.AlertedFindings;
import io.kmarket.scheduler.alert.store.AlertedFindings.Alert;
import io.kmarket.scheduler.alert.store.AlertedFindings.Finding;

/**
 * Turns data-quality findings nobody was told about yet into alerts, one per date and check (not one per stock),
 * listing the new subjects. Reads whatever wrote ops.data_quality_issues, so any check or repair job is covered.
 */
@ApplicationScoped
class FindingAlerts {

    private static final Logger LOG = Logger.getLogger(FindingAlerts.class);

    private final AlertedFindings store;
    private final int listed;

    FindingAlerts(AlertedFindings store, AlertsConfig config) {
        this.store = store;
        this.listed = config.findingsListed();
    }

    /** Queues the alerts of new findings in one transaction with remembering them, so none is told twice. */
    void alertNew(Instant now, boolean deliverable) {
        store.queueAlertsOfNew(now, deliverable, findings -> alerts(findings, deliverable));
    }

    private List<Alert> alerts(List<Finding> findings, boolean deliverable) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : findings) {
            groups.computeIfAbsent(f.date() + "|" + f.check(), k -> new ArrayList<>()).add(f);
        }
        List<Alert> alerts = new ArrayList<>();
        for (List<Finding> group : groups.values()) {
            Finding first = group.getFirst();
            String subjects = String.join(",", group.stream().map(Finding::subject).toList());
            String text = text(group);
            alerts.add(new Alert("data-quality|" + first.date() + "|" + first.check() + "|"
                    + AlertCause.digest(subjects), first.date(), text));
            if (!deliverable) {
                LOG.infof("no webhook configured; alert: %s", text);
            }
        }
        return alerts;
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
