package io.kmarket.scheduler.job.engine;

import static io.kmarket.scheduler.job.JobsTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.job.leader.Leadership;
import io.quarkus.test.junit.QuarkusTest;

/**
 * ops.job_state has two writers that change different columns: an operator's pause (any instance) and the leader's
 * fire time. Whichever comes first creates the row, and neither puts back the other's value (rows read in
 * PostgreSQL).
 */
@QuarkusTest
class JobStateStoreTest {

    /** Job names of no definition: no tick of the application writes their state meanwhile. */
    private static final String PROBE = "t-state-probe";
    private static final int RACES = 20;
    private static final Instant FIRED = Instant.parse("2024-03-04T07:30:00Z");
    private static final Instant PAUSED_AT = Instant.parse("2024-03-04T07:31:00Z");

    @Inject
    JobStateStore states;
    @Inject
    Leadership leadership;

    @BeforeEach
    @AfterEach
    void clean() {
        await().atMost(WAIT).until(leadership::confirmLeadership);
        Db.execute("DELETE FROM ops.job_state WHERE job_name LIKE '" + PROBE + "%'");
    }

    @Test
    void aJobNeverSeenIsNotPausedAndHasNoFireTime() {
        assertThat(states.paused(PROBE)).isFalse();
        assertThat(states.lastFireAt(PROBE)).isEmpty();
    }

    @Test
    void aPauseKeepsTheFireTimeAndAFireTimeKeepsThePause() {
        states.setLastFireAt(PROBE, FIRED, FIRED);
        states.setPaused(PROBE, true, PAUSED_AT);
        assertThat(Db.rows("SELECT paused, last_fire_at = '" + FIRED + "'::timestamptz,"
                + " updated_at = '" + PAUSED_AT + "'::timestamptz FROM ops.job_state WHERE job_name = '" + PROBE + "'"))
                .containsExactly("t|t|t");

        Instant later = FIRED.plusSeconds(3600);
        states.setLastFireAt(PROBE, later, later);
        assertThat(states.paused(PROBE)).isTrue();
        assertThat(states.lastFireAt(PROBE)).contains(later);
    }

    @Test
    void aPauseAndTheFirstFireTimeWrittenAtOnceBothLand() {
        for (int race = 0; race < RACES; race++) {
            String job = PROBE + "-" + race;
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Void> pause = CompletableFuture.runAsync(() -> {
                meet(start);
                states.setPaused(job, true, PAUSED_AT);
            });
            CompletableFuture<Void> fire = CompletableFuture.runAsync(() -> {
                meet(start);
                states.setLastFireAt(job, FIRED, FIRED);
            });
            CompletableFuture.allOf(pause, fire).join();

            assertThat(Db.rows("SELECT paused, last_fire_at = '" + FIRED + "'::timestamptz FROM ops.job_state"
                    + " WHERE job_name = '" + job + "'")).as("race %d", race).containsExactly("t|t");
        }
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
