package io.kmarket.scheduler.job.engine;

import static io.kmarket.scheduler.job.JobsTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.fencing.CurrentTerm;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.fencing.Term;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.leader.Leadership;
import io.kmarket.scheduler.job.leader.Takeover;
import io.kmarket.scheduler.job.heal.Healing;
import io.kmarket.scheduler.job.heal.HealingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The leader's own bookkeeping, which steers what the next leader does, is fenced like the runs: a process that
 * wakes from a freeze past a takeover still holds its old term until its heartbeat, and its fire times, heals and skipped
 * dependents written in that moment are refused (rows read in PostgreSQL). Healing is on here, or no heal is written at all.
 */
@QuarkusTest
@TestProfile(HealingTest.HealingEnabled.class)
class StaleLeaderBookkeepingTest {

    /** A job name of no definition: no tick of the application writes its fire time meanwhile. */
    private static final String PROBE = "t-fence-probe";
    private static final Instant LAST_FIRE = Instant.parse("2020-01-02T03:04:05Z");
    private static final LocalDate DATE = LocalDate.of(2023, 5, 2);

    @Inject
    Leadership leadership;
    @Inject
    CurrentTerm term;
    @Inject
    JobsConfig config;
    @Inject
    JobCatalog catalog;
    @Inject
    JobStateStore states;
    @Inject
    Healing healing;
    @Inject
    JobRunStore runs;

    @BeforeEach
    @AfterEach
    void clean() {
        await().atMost(WAIT).until(leadership::confirmLeadership);
        Db.execute("DELETE FROM ops.job_state WHERE job_name = '" + PROBE + "'",
                "DELETE FROM ops.job_runs WHERE job_name = '" + PROBE + "'",
                "DELETE FROM ops.job_heals WHERE job_name = 't-second' AND logical_date = '" + DATE + "'");
    }

    @Test
    void aWokenLeaderHoldingItsOldTermChangesNoFireTimeNoHealAndNoSkippedRun() {
        states.setLastFireAt(PROBE, LAST_FIRE, LAST_FIRE);
        Term stale = term.required();
        JobDefinition job = catalog.find("t-second").orElseThrow();
        try (Takeover takeover = Takeover.of(leadership, config.leader().lockKey())) {
            // The woken process before its heartbeat noticed: it still holds the term it had before the freeze.
            term.begin(stale);
            Instant now = Instant.now();

            assertThatThrownBy(() -> states.setLastFireAt(PROBE, now, now))
                    .isInstanceOf(DeposedLeaderException.class);
            assertThatThrownBy(() -> healing.scheduleRepair("t-second", DATE, "data-quality"))
                    .isInstanceOf(DeposedLeaderException.class);
            assertThatThrownBy(() -> healing.runEnded(job, DATE, RunStatus.FAILED, "boom"))
                    .isInstanceOf(DeposedLeaderException.class);
            assertThatThrownBy(() -> runs.recordSkipped(PROBE, DATE, RunTrigger.DEPENDENCY, "upstream failed", now))
                    .isInstanceOf(DeposedLeaderException.class);
            term.end();

            assertThat(Db.rows("SELECT last_fire_at = '" + LAST_FIRE + "'::timestamptz FROM ops.job_state"
                    + " WHERE job_name = '" + PROBE + "'")).containsExactly("t");
            assertThat(Db.count("SELECT count(*) FROM ops.job_runs WHERE job_name = '" + PROBE + "'")).isZero();
            assertThat(Db.count("SELECT count(*) FROM ops.job_heals WHERE job_name = 't-second'"
                    + " AND logical_date = '" + DATE + "'")).isZero();
            takeover.handBack(leadership);
        }
    }
}
