package io.kmarket.scheduler.collect;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.collect.config.SourcesConfig;

/**
 * The incremental mode of disclosures: the last date up to which every window was collected is kept in
 * ops.collection_watermarks and only moves forward when all of a run's disclosure windows succeeded; the next
 * incremental plan starts a safety margin before it (late filings, corrections).
 */
@ApplicationScoped
public class DisclosureWatermark implements RunListener {

    private static final Logger LOG = Logger.getLogger(DisclosureWatermark.class);
    private static final String SITE = "DART";
    /** Without a watermark, an incremental run starts this many days back. */
    static final int FIRST_RUN_DAYS = 7;

    private final AgroalDataSource dataSource;
    private final int marginDays;

    DisclosureWatermark(AgroalDataSource dataSource, SourcesConfig sources) {
        this.dataSource = dataSource;
        this.marginDays = sources.dart().watermarkMarginDays();
    }

    /** Disclosures from the watermark minus the margin (or a week back) up to {@code to}. */
    public CollectionPlan incrementalPlan(LocalDate to) {
        LocalDate from = current().map(w -> w.minusDays(marginDays)).orElse(to.minusDays(FIRST_RUN_DAYS));
        return CollectionPlan.disclosures(from.isAfter(to) ? to : from, to);
    }

    public Optional<LocalDate> current() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        SELECT watermark FROM ops.collection_watermarks
                         WHERE site_code = ? AND dataset = ? AND scope = ''""")) {
            st.setString(1, SITE);
            st.setString(2, Dataset.DISCLOSURES.name());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getDate(1).toLocalDate()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the disclosure watermark", e);
        }
    }

    @Override
    public void finished(CollectionPlan plan, Map<CollectionTask, TaskOutcome> outcomes,
            CollectionRunSummary summary) {
        LocalDate reached = null;
        for (Map.Entry<CollectionTask, TaskOutcome> entry : outcomes.entrySet()) {
            CollectionTask task = entry.getKey();
            if (!task.site().equals(SITE) || task.dataset() != Dataset.DISCLOSURES) {
                continue;
            }
            if (entry.getValue().status() != TaskOutcome.Status.SUCCESS) {
                return;
            }
            reached = reached == null || task.to().isAfter(reached) ? task.to() : reached;
        }
        boolean complete = outcomes.size() == plan.tasks().size();
        if (reached != null && complete) {
            advance(reached);
        }
    }

    private void advance(LocalDate reached) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        INSERT INTO ops.collection_watermarks (site_code, dataset, scope, watermark)
                        VALUES (?, ?, '', ?)
                        ON CONFLICT (site_code, dataset, scope) DO UPDATE
                           SET watermark = GREATEST(collection_watermarks.watermark, EXCLUDED.watermark),
                               updated_at = now()""")) {
            st.setString(1, SITE);
            st.setString(2, Dataset.DISCLOSURES.name());
            st.setDate(3, Date.valueOf(reached));
            st.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "Could not advance the disclosure watermark to %s", reached);
        }
    }
}
