package io.kmarket.scheduler.collect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.kit.jdbc.DataAccessException;
import io.kmarket.kit.time.MarketTime;
import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.store.CollectionWatermarks;

/**
 * The incremental mode of disclosures. The watermark in ops.collection_watermarks is the last day whose filings
 * were all collected <em>after that day had ended</em> (in Korea): a day collected while it is still going on can
 * receive filings later that evening, so it does not count as done. The watermark moves only when all of a run's
 * disclosure windows succeeded and they join up with it (no gap is skipped over).
 * <p>
 * The scheduled job collects from the day after the watermark: during the day that is the day itself, and the
 * first run of a new day (the "morning pass") also re-collects the previous day, from a safety margin before it
 * (late filings, corrections flagged later), and any day a stopped scheduler missed.
 */
@ApplicationScoped
public class DisclosureWatermark implements RunListener {

    private static final Logger LOG = Logger.getLogger(DisclosureWatermark.class);
    private static final String SITE = "DART";
    /** Without a watermark, an incremental run starts this many days back. */
    static final int FIRST_RUN_DAYS = 7;

    private final CollectionWatermarks watermarks;
    private final int marginDays;

    DisclosureWatermark(CollectionWatermarks watermarks, SourcesConfig sources) {
        this.watermarks = watermarks;
        this.marginDays = sources.dart().watermarkMarginDays();
    }

    /**
     * The scheduled job's plan for {@code day}: from the first day not yet complete; when that is before
     * {@code day} (a morning pass), from the margin before it. A past day (backfill) collects only itself.
     */
    public CollectionPlan scheduledPlan(LocalDate day) {
        Optional<LocalDate> complete = current();
        if (complete.isEmpty()) {
            return CollectionPlan.disclosures(day.minusDays(FIRST_RUN_DAYS), day);
        }
        LocalDate firstOpen = complete.get().plusDays(1);
        if (!firstOpen.isBefore(day)) {
            return CollectionPlan.disclosures(day, day);
        }
        return CollectionPlan.disclosures(firstOpen.minusDays(marginDays), day);
    }

    /** Disclosures from the watermark minus the margin (or a week back) up to {@code to}. */
    public CollectionPlan incrementalPlan(LocalDate to) {
        LocalDate from = current().map(w -> w.minusDays(marginDays)).orElse(to.minusDays(FIRST_RUN_DAYS));
        return CollectionPlan.disclosures(from.isAfter(to) ? to : from, to);
    }

    public Optional<LocalDate> current() {
        return watermarks.current(SITE, Dataset.DISCLOSURES);
    }

    @Override
    public void finished(CollectionPlan plan, Instant startedAt, Map<CollectionTask, TaskOutcome> outcomes,
            CollectionRunSummary summary) {
        LocalDate reached = null;
        LocalDate start = null;
        for (Map.Entry<CollectionTask, TaskOutcome> entry : outcomes.entrySet()) {
            CollectionTask task = entry.getKey();
            if (!task.site().equals(SITE) || task.dataset() != Dataset.DISCLOSURES) {
                continue;
            }
            if (entry.getValue().status() != TaskStatus.SUCCESS) {
                return;
            }
            reached = reached == null || task.to().isAfter(reached) ? task.to() : reached;
            start = start == null || task.from().isBefore(start) ? task.from() : start;
        }
        boolean complete = outcomes.size() == plan.tasks().size();
        if (reached == null || !complete) {
            return;
        }
        // The days that had ended when the run started, not when it finished: a run that asks for a day's list
        // before midnight and ends after it has not seen what was accepted in between. Days as OpenDART dates
        // filings (rcept_dt): Korean.
        LocalDate yesterday = LocalDate.ofInstant(startedAt, MarketTime.ZONE).minusDays(1);
        LocalDate ended = reached.isAfter(yesterday) ? yesterday : reached;
        Optional<LocalDate> current = current();
        boolean joins = current.isEmpty() || !start.isAfter(current.get().plusDays(1));
        if (joins && !ended.isBefore(start)) {
            advance(ended);
        }
    }

    private void advance(LocalDate reached) {
        try {
            watermarks.raise(SITE, Dataset.DISCLOSURES, reached);
        } catch (DataAccessException e) {
            LOG.errorf(e, "Could not advance the disclosure watermark to %s", reached);
        }
    }
}
