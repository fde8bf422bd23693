package io.kmarket.scheduler.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.config.JobsConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Retries a (job, date) that failed, or whose data a check found incomplete, until it succeeds. The promise is a
 * row of ops.job_heals, so it survives restarts and failovers; the leader's tick ({@link JobScheduler}) starts the
 * retries that are due. A retry waits with a growing, capped back-off, and while a site that failed the last run
 * still has its circuit open (retrying then would only be skipped by the circuit). Once a retry succeeds, its
 * dependents follow for that date ({@link Dependencies#upstreamFinished}), however old the date is.
 */
@ApplicationScoped
public class Healing {

    private static final Logger LOG = Logger.getLogger(Healing.class);
    /** How {@link CollectionJobActions} names the collection run whose tasks say which sites failed. */
    private static final Pattern COLLECTION_RUN = Pattern.compile("collection run ([0-9a-fA-F-]{36})");
    public static final String FAILED = "failed";

    @RegisterForReflection
    public record Heal(String jobName, LocalDate logicalDate, String status, String reason, int failures,
            List<String> blockedOn, Instant nextAttemptAt, String lastError, Instant updatedAt) {
    }

    private static final String COLUMNS = "job_name, logical_date, status, reason, failures,"
            + " array_to_string(blocked_on, ',') AS blocked_on, next_attempt_at, last_error, updated_at";

    private final Clock clock;
    private final JobsConfig config;
    private final JobCatalog catalog;
    private final JobRunRepository runs;
    private final JobRunner runner;
    private final Jdbc jdbc;

    Healing(Clock clock, JobsConfig config, JobCatalog catalog, JobRunRepository runs, JobRunner runner, Jdbc jdbc) {
        this.clock = clock;
        this.config = config;
        this.catalog = catalog;
        this.runs = runs;
        this.runner = runner;
        this.jdbc = jdbc;
    }

    /** Called at the end of every recorded run: a failure is (re)scheduled, a success closes the heal. */
    void runEnded(JobDefinition job, LocalDate date, RunStatus status, String error) {
        if (!heals(job.name()) || date == null) {
            return;
        }
        Instant now = clock.instant();
        if (status == RunStatus.SUCCEEDED) {
            if (jdbc.leaderUpdate("""
                    UPDATE ops.job_heals SET status = 'healed', healed_at = ?, updated_at = ?
                     WHERE job_name = ? AND logical_date = ? AND status = 'pending'""",
                    now, now, job.name(), date) == 1) {
                LOG.infof("%s for %s healed", job.name(), date);
            }
        } else if (status == RunStatus.FAILED) {
            // The wait after the n-th consecutive failure: first-delay × multiplier^(n-1), capped at max-delay.
            // One statement: a tick between the count and its next attempt would find the date due at once.
            JobsConfig.Healing healing = config.healing();
            Heal heal = jdbc.leaderFirst("""
                    INSERT INTO ops.job_heals AS h (job_name, logical_date, status, reason, failures, blocked_on,
                                                    next_attempt_at, last_error, created_at, updated_at)
                    VALUES (?, ?, 'pending', ?, 1, string_to_array(?, ','),
                            ?::timestamptz + least(?::float8, ?::float8) * interval '1 millisecond', ?, ?, ?)
                    ON CONFLICT (job_name, logical_date) DO UPDATE
                       SET status = 'pending', failures = CASE WHEN h.status = 'healed' THEN 1 ELSE h.failures + 1 END,
                           next_attempt_at = EXCLUDED.updated_at + least(
                               ?::float8 * power(?::float8, CASE WHEN h.status = 'healed' THEN 0 ELSE h.failures END),
                               ?::float8) * interval '1 millisecond',
                           blocked_on = EXCLUDED.blocked_on, last_error = EXCLUDED.last_error,
                           reason = CASE WHEN h.status = 'healed' THEN EXCLUDED.reason ELSE h.reason END,
                           healed_at = NULL, updated_at = EXCLUDED.updated_at
                    RETURNING\s""" + COLUMNS, Healing::map, job.name(), date,
                    FAILED, String.join(",", failedSites(error)), now, (double) healing.firstDelay().toMillis(),
                    (double) healing.maxDelay().toMillis(), error, now, now, (double) healing.firstDelay().toMillis(),
                    healing.multiplier(), (double) healing.maxDelay().toMillis()).orElseThrow();
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
        Instant now = clock.instant();
        if (jdbc.leaderUpdate("""
                INSERT INTO ops.job_heals AS h (job_name, logical_date, status, reason, failures, next_attempt_at,
                                                created_at, updated_at)
                VALUES (?, ?, 'pending', ?, 0, ?, ?, ?)
                ON CONFLICT (job_name, logical_date) DO UPDATE
                   SET status = 'pending', reason = EXCLUDED.reason, failures = 0, blocked_on = '{}',
                       next_attempt_at = EXCLUDED.next_attempt_at, healed_at = NULL, updated_at = EXCLUDED.updated_at
                 WHERE h.status = 'healed'""", jobName, date, check, now, now, now) == 1) {
            LOG.infof("%s for %s: repair scheduled (%s)", jobName, date, check);
        }
    }

    /** Starts the retries that are due, newest dates first; the leader's tick calls it. */
    void retryDue() {
        if (!config.healing().enabled()) {
            return;
        }
        Instant now = clock.instant();
        int started = 0;
        for (Heal heal : jdbc.query("SELECT " + COLUMNS + " FROM ops.job_heals"
                + " WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY logical_date DESC, job_name",
                Healing::map, now)) {
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
            if (!upstreamsSucceeded(job.get(), heal.logicalDate()) || circuitOpen(heal.blockedOn())) {
                // The upstream's own heal dispatches this job once it succeeds; an open circuit closes by itself.
                continue;
            }
            // The lease: until the run ends (and writes its own next attempt), ticks leave the date alone.
            jdbc.leaderUpdate("UPDATE ops.job_heals SET next_attempt_at = ? WHERE job_name = ? AND logical_date = ?",
                    now.plus(job.get().timeout()), heal.jobName(), heal.logicalDate());
            LOG.infof("%s for %s: retrying (%s, %d failure(s) so far)", heal.jobName(), heal.logicalDate(),
                    heal.reason(), heal.failures());
            runner.submit(job.get(), heal.logicalDate(), RunTrigger.HEAL, null);
            started++;
        }
    }

    public List<Heal> pending() {
        return jdbc.query("SELECT " + COLUMNS + " FROM ops.job_heals WHERE status = 'pending'"
                + " ORDER BY logical_date DESC, job_name", Healing::map);
    }

    public Optional<Heal> find(String jobName, LocalDate date) {
        return jdbc.first("SELECT " + COLUMNS + " FROM ops.job_heals WHERE job_name = ? AND logical_date = ?",
                Healing::map, jobName, date);
    }

    private boolean heals(String jobName) {
        return config.healing().enabled() && config.healing().jobs().contains(jobName);
    }

    private boolean upstreamsSucceeded(JobDefinition job, LocalDate date) {
        return job.after().stream().allMatch(upstream -> runs.hasSucceeded(upstream, date));
    }

    private boolean circuitOpen(List<String> sites) {
        return !sites.isEmpty() && jdbc.first("""
                SELECT 1 FROM ops.site_health_status
                 WHERE site_code = ANY (string_to_array(?, ',')) AND upper(circuit_state) = 'OPEN'""",
                rs -> true, String.join(",", sites)).isPresent();
    }

    /** The sites whose tasks failed, timed out or were skipped in the collection run the error names. */
    private List<String> failedSites(String error) {
        Matcher matcher = COLLECTION_RUN.matcher(error == null ? "" : error);
        if (!matcher.find()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT DISTINCT site_code FROM ops.fetch_execution_logs
                 WHERE run_id = ?::uuid AND status IN ('failed', 'timeout', 'skipped') ORDER BY 1""",
                rs -> rs.getString(1), matcher.group(1));
    }

    private static Heal map(ResultSet rs) throws SQLException {
        String blocked = rs.getString("blocked_on");
        return new Heal(rs.getString("job_name"), Jdbc.date(rs, "logical_date"), rs.getString("status"),
                rs.getString("reason"), rs.getInt("failures"),
                blocked == null || blocked.isEmpty() ? List.of() : Arrays.asList(blocked.split(",")),
                Jdbc.instant(rs, "next_attempt_at"), rs.getString("last_error"), Jdbc.instant(rs, "updated_at"));
    }
}
