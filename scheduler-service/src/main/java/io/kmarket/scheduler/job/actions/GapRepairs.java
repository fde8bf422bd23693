package io.kmarket.scheduler.job.actions;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.heal.Healing;

/**
 * Turns data-quality findings into repairs: the job that fills the missing data is re-run for the date through
 * {@link Healing} (so with its back-off, its site check and its dependents afterwards). Findings a re-run cannot
 * change (a close beyond the daily limit, a stock's own series gap) ask for nothing.
 */
@ApplicationScoped
class GapRepairs {

    private static final Map<String, String> JOB_OF_CHECK = Map.of(
            "no-prices", JobNames.DAILY_COLLECTION,
            "missing-price", JobNames.DAILY_COLLECTION,
            "index-gap", JobNames.DAILY_COLLECTION,
            "no-index-prices", JobNames.DAILY_COLLECTION,
            "missing-indicators", JobNames.INDICATORS,
            "disclosures-not-collected", JobNames.DISCLOSURES);

    private final Healing healing;

    GapRepairs(Healing healing) {
        this.healing = healing;
    }

    void schedule(LocalDate date, List<DataQualityChecks.Issue> issues) {
        // One repair per job, however many findings ask for it.
        Map<String, String> checkOfJob = new LinkedHashMap<>();
        for (DataQualityChecks.Issue issue : issues) {
            String job = JOB_OF_CHECK.get(issue.check());
            if (job != null) {
                checkOfJob.putIfAbsent(job, issue.check());
            }
        }
        checkOfJob.forEach((job, check) -> healing.scheduleRepair(job, date, check));
    }
}
