package io.kmarket.scheduler.job.heal;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.job.backfill.BackfillRequests;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobDefinition;
import io.kmarket.scheduler.job.engine.JobRunStore;

/**
 * A job whose result for a date rolls forward from its own result for the previous trading day (indicators: EMA,
 * MACD and RSI state, 200-day windows) was computed on the data it found. When an upstream's data for an older
 * date changes after later dates were computed (a healed failure, a repaired gap, a manual re-run), every later
 * date was computed on the old data: this asks for them all again, oldest first, from that date on. Their own
 * dependents are not re-run: a prediction already made stays what was predicted with what was known then.
 */
@ApplicationScoped
public class RollForwardRecomputes {

    private static final Logger LOG = Logger.getLogger(RollForwardRecomputes.class);

    private final JobsConfig config;
    private final JobCatalog catalog;
    private final JobRunStore runs;
    private final BackfillRequests backfills;

    RollForwardRecomputes(JobsConfig config, JobCatalog catalog, JobRunStore runs, BackfillRequests backfills) {
        this.config = config;
        this.catalog = catalog;
        this.runs = runs;
        this.backfills = backfills;
    }

    /** An upstream run succeeded for {@code date} outside a backfill (which orders its dependents itself). */
    public void upstreamSucceeded(JobDefinition upstream, LocalDate date) {
        if (date != null) {
            dataChanged(upstream.name(), date);
        }
    }

    /**
     * The data the job {@code upstream} stores changed from {@code date} on, by its own run or another's (a stock's
     * gap repaired from its per-stock history): what rolled forward over it is computed again, also through the
     * jobs in between (prices reach the indicators through the corporate actions derived from them).
     */
    public void dataChanged(String upstream, LocalDate date) {
        dataChanged(upstream, upstream, date);
    }

    private void dataChanged(String upstream, String via, LocalDate date) {
        for (JobDefinition dependent : catalog.dependentsOf(via)) {
            if (!config.rollForwardJobs().contains(dependent.name())) {
                dataChanged(upstream, dependent.name(), date);
                continue;
            }
            if (!catalog.runnable(dependent)) {
                continue;
            }
            Optional<LocalDate> computedUntil = runs.lastSucceededAfter(dependent.name(), date);
            if (computedUntil.isEmpty()) {
                continue; // nothing later was computed yet: the usual dispatch computes this date
            }
            // A backfill still rolling the dependent forward past that date would continue from a stale day.
            LocalDate until = backfills.dependentsReachUntil(upstream)
                    .filter(computedUntil.get()::isBefore).orElse(computedUntil.get());
            LOG.infof("%s changed for %s: %s recomputed from %s to %s", upstream, date, dependent.name(),
                    date, until);
            backfills.recompute(dependent, date, until);
        }
    }
}
