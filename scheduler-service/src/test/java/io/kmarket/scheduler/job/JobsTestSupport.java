package io.kmarket.scheduler.job;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.kmarket.scheduler.job.engine.JobRun;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.RunFilter;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.arc.Arc;

/** Shared steps of the jobs tests: a clean slate per job, the runs of a job, waiting for a run's end. */
public final class JobsTestSupport {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private JobsTestSupport() {
    }

    /** Forgets everything about the jobs: runs, state, notifications, backfills and test behaviour. */
    public static void reset(TestActions actions, String... jobs) throws SQLException {
        // Another test's clock jump may have fired a real job of this app that is still retrying.
        JobRunner runner = Arc.container().instance(JobRunner.class).get();
        for (String job : jobs) {
            runner.cancel(job, "test reset");
        }
        await().atMost(WAIT).until(() -> Arrays.stream(jobs).noneMatch(runner::isRunning));
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser()) {
            for (String job : jobs) {
                for (String table : List.of("ops.job_runs", "ops.job_state", "ops.job_notifications",
                        "ops.job_backfills", "ops.alert_outbox")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE job_name = ?")) {
                        ps.setString(1, job);
                        ps.executeUpdate();
                    }
                }
                actions.reset(job);
            }
        }
    }

    /** The job's runs, oldest first. */
    public static List<JobRun> runs(JobRunStore repository, String job) {
        return repository.runs(new RunFilter(job, null, null, null, null, 500)).stream()
                .sorted(Comparator.comparingLong(JobRun::id)).toList();
    }

    /** Waits until the job has {@code count} finished runs and none running, and returns them oldest first. */
    public static List<JobRun> awaitFinished(JobRunStore repository, String job, int count) {
        return await().atMost(WAIT).until(() -> runs(repository, job),
                runs -> runs.size() == count && runs.stream().noneMatch(r -> r.status() == RunStatus.RUNNING));
    }

    public static List<LocalDate> dates(List<JobRun> runs) {
        return runs.stream().map(JobRun::logicalDate).toList();
    }
}
