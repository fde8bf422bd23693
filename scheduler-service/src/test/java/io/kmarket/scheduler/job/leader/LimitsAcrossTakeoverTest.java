package io.kmarket.scheduler.job.leader;

import static io.kmarket.scheduler.TestClock.seoul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.CollectionPlan;
import io.kmarket.scheduler.collect.CollectionRunSummary;
import io.kmarket.scheduler.collect.CollectionService;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.ProgressListener;
import io.kmarket.scheduler.collect.site.SiteRegistry;
import io.kmarket.scheduler.collect.site.SiteRuntime;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * A site's block and its slowed-down rate survive a change of leader: what the last leader recorded with the
 * site's health is what the next one starts with.
 */
@QuarkusTest
class LimitsAcrossTakeoverTest {

    /** NAVER's configured 60 calls a minute (V1, V22), slowed down twice after 429s: a quarter. */
    private static final double CONFIGURED = 60;
    private static final double SLOWED = CONFIGURED / 4;

    @Inject
    Leadership leadership;
    @Inject
    JobsConfig config;
    @Inject
    SiteRegistry sites;
    @Inject
    CollectionService collection;
    @Inject
    MovingClock clock;

    @AfterEach
    void unblocked() {
        SiteRuntime naver = sites.site("NAVER").orElseThrow();
        naver.resetCircuit();
        naver.adopt(CONFIGURED, null);
        Db.execute("UPDATE ops.site_health_status SET circuit_state = 'CLOSED', circuit_open_until = NULL,"
                + " current_rate_per_minute = " + CONFIGURED + ", status = 'active' WHERE site_code = 'NAVER'");
    }

    @Test
    void aNewLeaderStartsWithTheBlockAndTheRateTheLastOneRecorded() {
        clock.set(seoul("2024-03-04T10:00:00"));
        Instant blockedUntil = clock.instant().plus(Duration.ofMinutes(10));
        SiteRuntime naver = sites.site("NAVER").orElseThrow();
        naver.resetCircuit();
        naver.adopt(CONFIGURED, null);
        // What the deposed leader recorded after NAVER's last task: circuit open for ten more minutes, rate lowered.
        Db.execute("""
                INSERT INTO ops.site_health_status (site_code, status, circuit_state, circuit_open_until,
                    current_rate_per_minute)
                VALUES ('NAVER', 'failed', 'OPEN', '%1$s', %2$s)
                ON CONFLICT (site_code) DO UPDATE SET status = 'failed', circuit_state = 'OPEN',
                    circuit_open_until = '%1$s', current_rate_per_minute = %2$s""".formatted(blockedUntil, SLOWED));

        try (Takeover takeover = Takeover.of(leadership, config.leader().lockKey())) {
            takeover.handBack(leadership);
        }

        assertThat(naver.circuit()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(naver.circuitOpenUntil()).isEqualTo(blockedUntil);
        assertThat(naver.currentRatePerMinute()).isCloseTo(SLOWED, within(1e-9));
        CollectionRunSummary run = collection.run(new CollectionPlan("blocked naver", List.of(new CollectionTask(
                "NAVER", Dataset.DAILY_CHART, "LT0001", LocalDate.of(2024, 2, 26), LocalDate.of(2024, 3, 4)))),
                ProgressListener.NONE);
        assertThat(run.tasksSkipped()).isEqualTo(1);
        assertThat(Db.rows("SELECT status, error_type FROM ops.fetch_execution_logs WHERE run_id = '"
                + run.runId() + "'")).containsExactly("skipped|circuit_open");

        // The block ends when its time is up, on the application's clock.
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(naver.circuit()).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(naver.circuitOpenUntil()).isNull();
    }
}
