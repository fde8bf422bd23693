package io.kmarket.scheduler.job.backfill;

import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.WAIT;
import static io.kmarket.scheduler.job.JobsTestSupport.dates;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static io.kmarket.scheduler.job.JobsTestSupport.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.job.TestActions;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.scheduler.job.engine.JobRun;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.JobScheduler;
import io.kmarket.scheduler.job.engine.NewLeaderRecovery;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.scheduler.job.leader.Leadership;
import io.kmarket.testing.MovingClock;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * First start: an empty ops.job_runs gets the configured window of history once, newest day first, and the history's
 * dependents afterwards, oldest first. The window ends on a Sunday, so the one-day jobs (snapshot on trading days,
 * final on every day) must run for the Friday.
 */
@QuarkusTest
@TestProfile(FirstStartTest.FirstStartEnabled.class)
class FirstStartTest {

    /**
     * t-none stands for listings (snapshot), t-all for daily collection (history), t-dependent for indicators (which
     * roll forward from the previous day) and t-slow for model training.
     */
    public static class FirstStartEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmarket.jobs.first-start.enabled", "true",
                    "kmarket.jobs.first-start.window", "P7D",
                    "kmarket.jobs.first-start.snapshot-jobs", "t-none",
                    "kmarket.jobs.first-start.jobs", "t-all",
                    "kmarket.jobs.first-start.final-jobs", "t-slow",
                    // Like model training: a final job on the every-day calendar still runs for the last trading day.
                    "kmarket.jobs.job.t-slow.calendar", "every-day",
                    "kmarket.jobs.job.t-dependent.after", "t-all",
                    // Like the source cross-check: a dependent the history's backfill leaves out.
                    "kmarket.jobs.job.t-live.after", "t-all",
                    "kmarket.jobs.job.t-live.in-backfills", "false",
                    "kmarket.jobs.job.t-live.enabled", "true");
        }
    }

    private static final LocalDate WINDOW_START = LocalDate.of(2024, 1, 7);
    private static final LocalDate SUNDAY_END = LocalDate.of(2024, 1, 14);
    private static final LocalDate FRIDAY = LocalDate.of(2024, 1, 12);
    private static final LocalDate TODAY = LocalDate.of(2024, 1, 15);
    /** The trading days of 7..14 January 2024 (no KRX holiday that week). */
    private static final List<LocalDate> WINDOW_TRADING_DAYS = List.of(LocalDate.of(2024, 1, 8),
            LocalDate.of(2024, 1, 9), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 11), FRIDAY);

    @Inject
    MovingClock clock;
    @Inject
    JobScheduler scheduler;
    @Inject
    NewLeaderRecovery recovery;
    @Inject
    Leadership leadership;
    @Inject
    BackfillRequests backfills;
    @Inject
    JobRunStore repository;
    @Inject
    TestActions actions;
    @Inject
    JobRunner runner;
    @Inject
    JobCatalog catalog;

    @Test
    void anEmptyDatabaseGetsItsWindowOnceSnapshotFirstHistoryThenFinalJobs() throws SQLException {
        await().atMost(WAIT).until(leadership::isLeader);
        reset(actions, "t-none", "t-all", "t-slow", "t-dependent", "t-second", "t-live");
        emptyJobTables();
        // Today's cross-check starts while the history is collected and is still running when the dependents'
        // turn comes (one Naver request per stock: most of an hour).
        CountDownLatch crossCheckOfToday = new CountDownLatch(1);
        actions.set("t-live", ctx -> {
            crossCheckOfToday.await();
            return JobOutcome.succeeded(1);
        });
        actions.set("t-all", ctx -> {
            if (actions.calls("t-all").size() == 1) {
                runner.submit(catalog.find("t-live").orElseThrow(), TODAY, RunTrigger.MANUAL, null);
            }
            return JobOutcome.succeeded(1);
        });
        AtomicReference<List<LocalDate>> historyWhenSnapshotRan = new AtomicReference<>();
        AtomicReference<List<JobRun>> historyWhenFinalRan = new AtomicReference<>();
        AtomicReference<List<LocalDate>> historyWhenDependentStarted = new AtomicReference<>();
        actions.set("t-dependent", ctx -> {
            historyWhenDependentStarted.compareAndSet(null, List.copyOf(actions.calls("t-all")));
            return JobOutcome.succeeded(1);
        });
        actions.set("t-none", ctx -> {
            historyWhenSnapshotRan.set(List.copyOf(actions.calls("t-all")));
            return JobOutcome.succeeded(1);
        });
        actions.set("t-slow", ctx -> {
            historyWhenFinalRan.set(runs(repository, "t-all"));
            return JobOutcome.succeeded(1);
        });
        clock.set(seoul("2024-01-15T09:00:00"));

        // What a new leader does (Leadership's election calls it), then the leader's first tick.
        recovery.recover();
        scheduler.tick();

        List<Backfill> requested = await().atMost(WAIT).until(this::backfillsOldestFirst,
                all -> all.size() == 3 && all.stream().allMatch(b -> b.status() == BackfillStatus.DONE));
        assertThat(requested).extracting(Backfill::jobName, Backfill::from, Backfill::to, Backfill::datesTotal,
                Backfill::datesDone).containsExactly(
                        tuple("t-none", FRIDAY, FRIDAY, 1, 1),
                        tuple("t-all", WINDOW_START, SUNDAY_END, 5, 5),
                        tuple("t-slow", FRIDAY, FRIDAY, 1, 1));
        assertThat(actions.calls("t-none")).containsExactly(FRIDAY);
        assertThat(actions.calls("t-all")).as("history newest first").containsExactlyElementsOf(
                WINDOW_TRADING_DAYS.reversed());
        assertThat(actions.calls("t-dependent")).as("dependents oldest first").containsExactlyElementsOf(
                WINDOW_TRADING_DAYS);
        assertThat(historyWhenDependentStarted.get()).as("history collected when the first dependent ran")
                .containsExactlyInAnyOrderElementsOf(WINDOW_TRADING_DAYS);
        assertThat(actions.calls("t-second")).containsExactlyElementsOf(WINDOW_TRADING_DAYS);
        assertThat(actions.calls("t-slow")).containsExactly(FRIDAY);
        assertThat(actions.calls("t-live")).as("left out of the backfill, which did not wait for it")
                .containsExactly(TODAY);
        crossCheckOfToday.countDown();
        assertThat(historyWhenSnapshotRan.get()).as("history collected before the snapshot").isEmpty();
        assertThat(historyWhenFinalRan.get()).as("history when the final job ran")
                .allMatch(run -> run.status() == RunStatus.SUCCEEDED && run.trigger() == RunTrigger.BACKFILL)
                .extracting(JobRun::logicalDate).containsExactlyElementsOf(WINDOW_TRADING_DAYS.reversed());

        // A second start (the database is no longer empty) requests nothing and runs nothing again.
        recovery.recover();
        scheduler.tick();
        assertThat(backfillsOldestFirst()).extracting(Backfill::id)
                .containsExactlyElementsOf(requested.stream().map(Backfill::id).toList());
        assertThat(dates(runs(repository, "t-all"))).containsExactlyElementsOf(WINDOW_TRADING_DAYS.reversed());
        assertThat(dates(runs(repository, "t-none"))).containsExactly(FRIDAY);
        assertThat(dates(runs(repository, "t-slow"))).containsExactly(FRIDAY);
        assertThat(actions.calls("t-all")).hasSize(WINDOW_TRADING_DAYS.size());
    }

    private List<Backfill> backfillsOldestFirst() {
        return backfills.recent(50).stream().sorted(Comparator.comparingLong(Backfill::id)).toList();
    }

    /** First start means no run and no backfill of any job, whatever the other tests of this JVM left behind. */
    private static void emptyJobTables() throws SQLException {
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ops.job_runs");
            s.executeUpdate("DELETE FROM ops.job_backfills");
            s.executeUpdate("DELETE FROM ops.job_state");
        }
    }
}
