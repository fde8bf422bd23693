package io.kmarket.scheduler.job.heal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.engine.DependentDispatcher;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobDefinition;
import io.kmarket.scheduler.job.engine.JobRun;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.JobScheduler;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;

/**
 * Retries a (job, date) that failed, or whose data a check found incomplete, until it succeeds. The promise is a
 * row of ops.job_heals, so it survives restarts and failovers; the leader's tick ({@link JobScheduler}) starts the
 * retries that are due. A retry waits with a growing, capped back-off, and while a site that failed the last run
 * still has its circuit open (retrying then would only be skipped by the circuit). Once a retry succeeds, its
 * dependents follow for that date ({@link DependentDispatcher}), however old the date is.
 */
@ApplicationScoped
public class Healing {

    private static final Logger LOG = Logger.getLogger(Healing.class);
    /** How the collection jobs name the collection run whose tasks say which sites failed. */
    private static final Pattern COLLECTION_RUN = Pattern.compile("collection run ([0-9a-fA-F-]{36})");
    /** The reason of a heal opened by a failed run, its status (a repair's reason is the check that asked for it). */
    private static final String FAILED = RunStatus.FAILED.value();

    private final Clock clock;
    private final JobsConfig config;
    private final JobCatalog catalog;
    private final JobRunStore runs;
    private final JobRunner runner;
    private final HealStore store;

    Healing(Clock clock, JobsConfig config, JobCatalog catalog, JobRunStore runs, JobRunner runner, HealStore store) {
        this.clock = clock;
        this.config = config;
        this.catalog = catalog;
        this.runs = runs;
        this.runner = runner;
        this.store = store;
    }

    /** Called at the end of every recorded run: a failure is (re)scheduled, a success closes the heal. */
    public void runEnded(JobDefinition job, LocalDate date, RunStatus status, String error) {
        if (!heals(job.name()) || date == null) {
            return;
        }
        Instant now = clock.instant();
        if (status == RunStatus.SUCCEEDED) {
            if (store.healed(job.name(), date, now)) {
                LOG.infof("%s for %s healed", job.name(), date);
            }
        } else if (status == RunStatus.FAILED) {
            JobsConfig.Healing healing = config.healing();
            Heal heal = store.failed(job.name(), date, FAILED, failedSites(error), error, now, healing.firstDelay(),
                    healing.multiplier(), healing.maxDelay());
            LOG.infof("%s for %s failed %d time(s): retried from %s", job.name(), date, heal.failures(),
                    heal.nextAttemptAt());
        }
    }

    /**
     * A check found the date's data incomplete although its job may have succeeded: re-run it now. A repair
     * already pending keeps its own schedule (no storm when a check is re-run).
     */
    public void scheduleRepair(String jobName, LocalDate date, String check) {
        if (!heals(jobName) || catalog.find(jobName).filter(catalog::runnable).isEmpty()) {
            return;
        }
        if (store.repair(jobName, date, check, clock.instant())) {
            LOG.infof("%s for %s: repair scheduled (%s)", jobName, date, check);
        }
    }

    /** Starts the retries that are due, newest dates first; the leader's tick calls it. */
    public void retryDue() {
        if (!config.healing().enabled()) {
            return;
        }
        Instant now = clock.instant();
        int started = 0;
        for (Heal heal : store.due(now)) {
            if (started == config.healing().maxPerTick()) {
                break;
            }
            Optional<JobDefinition> job = catalog.find(heal.jobName()).filter(catalog::runnable);
            if (job.isEmpty() || runner.holds(heal.jobName(), heal.logicalDate())) {
                continue;
            }
            Optional<JobRun> last = runs.lastFinished(heal.jobName(), heal.logicalDate());
            if (last.filter(run -> run.status() == RunStatus.SUCCEEDED && run.endedAt() != null
                    && run.endedAt().isAfter(heal.updatedAt())).isPresent()) {
                // Someone else (a manual run, a backfill) already re-ran it with success.
                runEnded(job.get(), heal.logicalDate(), RunStatus.SUCCEEDED, null);
                continue;
            }
            if (!upstreamsSucceeded(job.get(), heal.logicalDate()) || store.anyCircuitOpen(heal.blockedOn())) {
                // The upstream's own heal dispatches this job once it succeeds; an open circuit closes by itself.
                continue;
            }
            // The lease: until the run ends (and writes its own next attempt), ticks leave the date alone.
            store.nextAttemptAt(heal.jobName(), heal.logicalDate(), now.plus(job.get().timeout()));
            LOG.infof("%s for %s: retrying (%s, %d failure(s) so far)", heal.jobName(), heal.logicalDate(),
                    heal.reason(), heal.failures());
            runner.submit(job.get(), heal.logicalDate(), RunTrigger.HEAL, null);
            started++;
        }
    }

    public List<Heal> pending() {
        return store.pending();
    }

    public Optional<Heal> find(String jobName, LocalDate date) {
        return store.find(jobName, date);
    }

    private boolean heals(String jobName) {
        return config.healing().enabled() && config.healing().jobs().contains(jobName);
    }

    private boolean upstreamsSucceeded(JobDefinition job, LocalDate date) {
        return job.after().stream().allMatch(upstream -> runs.hasSucceeded(upstream, date));
    }

    /** The sites whose tasks failed, timed out or were skipped in the collection run the error names. */
    private List<String> failedSites(String error) {
        Matcher matcher = COLLECTION_RUN.matcher(error == null ? "" : error);
        return matcher.find() ? store.failedSites(matcher.group(1)) : List.of();
    }
}
