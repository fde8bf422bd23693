package io.kmarket.scheduler.job.leader;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.CollectionPlan;
import io.kmarket.scheduler.collect.CollectionRunSummary;
import io.kmarket.scheduler.collect.CollectionService;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.NaverStub;
import io.kmarket.scheduler.collect.ProgressListener;
import io.kmarket.scheduler.collect.UpstreamStub;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A collection run belongs to the leadership it started under. This process steps down while the run's request is
 * in flight and is elected again (a newer epoch) before the answer arrives: the run's commit is refused, not landed
 * under the new epoch, which the run has no part in (the new leadership's recovery owns that work).
 */
@QuarkusTest
class RunTermFencingTest {

    private static final String CODE = "RT0001";
    /** Longer than a takeover and the hand-back (a heartbeat or two), shorter than NAVER's 10 s time-out. */
    private static final int IN_FLIGHT_MS = 6_000;

    @Inject
    Leadership leadership;
    @Inject
    JobsConfig config;
    @Inject
    CollectionService collection;
    @Inject
    MovingClock clock;

    @BeforeEach
    void leading() {
        await().atMost(WAIT).until(leadership::confirmLeadership);
        clock.set(seoul("2024-01-10T18:00:00"));
        Db.execute("DELETE FROM market.source_daily_prices WHERE code = '" + CODE + "'");
    }

    @AfterEach
    void leadingAgain() {
        await().atMost(WAIT).until(leadership::confirmLeadership);
        Db.execute("DELETE FROM market.source_daily_prices WHERE code = '" + CODE + "'");
    }

    @Test
    void aRunOfAnEarlierLeadershipOfThisProcessCommitsNothingUnderTheNewOne() throws Exception {
        UpstreamStub.server().stubFor(NaverStub.chart(CODE).willReturn(NaverStub.bars(CODE, "term",
                "20240110|1010|1020|1000|1020|345").withFixedDelay(IN_FLIGHT_MS)));
        CompletableFuture<CollectionRunSummary> run = CompletableFuture.supplyAsync(() -> collection.run(
                UUID.randomUUID(), new CollectionPlan("term " + CODE, List.of(new CollectionTask("NAVER",
                        Dataset.DAILY_CHART, CODE, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 10)))),
                ProgressListener.NONE));
        await().atMost(WAIT).until(() -> !UpstreamStub.server().findAll(getRequestedFor(urlPathEqualTo(
                NaverStub.PATH))).stream().filter(r -> CODE.equals(r.queryParameter("symbol").firstValue()))
                .toList().isEmpty());

        try (Takeover takeover = Takeover.of(leadership, config.leader().lockKey())) {
            takeover.handBack(leadership);
        }
        assertThat(run).as("the answer must arrive after the re-election").isNotDone();

        assertThat(run).failsWithin(Duration.ofMillis(IN_FLIGHT_MS).plus(WAIT))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(DeposedLeaderException.class);
        assertThat(Db.count("SELECT count(*) FROM market.source_daily_prices WHERE code = '" + CODE + "'")).isZero();
    }
}
