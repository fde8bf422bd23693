package io.kmarket.scheduler.collect.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.config.CollectConfig;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.fencing.DeposedLeaderException;
import io.kmarket.scheduler.job.leader.LeadershipLease;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * A leader frozen past its lease (the monotonic clock jumps on wake, as after SIGSTOP/SIGCONT) sends nothing upstream
 * until its leadership is confirmed again, and nothing at all once it is standby: requests counted at the stub.
 */
@QuarkusTest
class UpstreamLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(6);
    /** Long enough for a waiting worker to have sent, had it not waited. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    @Inject
    CollectConfig collect;

    @Inject
    CollectMetrics metrics;

    private final ControlledUpstream upstream = ControlledUpstream.start();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LeadershipLease lease = new LeadershipLease(LEASE, nanos::get);
    private final Semaphore global = new Semaphore(2, true);
    private final List<CompletableFuture<Integer>> workers = new ArrayList<>();

    @AfterEach
    void stop() {
        workers.forEach(w -> w.cancel(true));
        upstream.close();
    }

    @Test
    void aFrozenLeaderSendsNothingUntilReconfirmedAndNothingOnceDeposed() throws Exception {
        SiteRuntime site = runtime();
        lease.confirmed(nanos.get());
        assertThat(upstream.send(site, "/fast").statusCode()).isEqualTo(200);

        freezeFor(LEASE.plusSeconds(1));
        for (int i = 0; i < 3; i++) {
            workers.add(send(site));
        }
        Thread.sleep(SETTLE.toMillis());
        assertThat(upstream.requests("/fast")).as("requests sent on an expired lease").isEqualTo(1);
        assertThat(workers).noneMatch(CompletableFuture::isDone);
        assertThat(global.availablePermits()).as("global permits held by requests waiting for the lease").isEqualTo(2);

        lease.confirmed(nanos.get());
        for (CompletableFuture<Integer> worker : workers) {
            assertThat(worker.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(upstream.requests("/fast")).isEqualTo(4);

        workers.clear();
        freezeFor(LEASE.plusSeconds(1));
        for (int i = 0; i < 2; i++) {
            workers.add(send(site));
        }
        Thread.sleep(SETTLE.toMillis());
        lease.revoked();
        for (CompletableFuture<Integer> worker : workers) {
            assertThat(worker).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(DeposedLeaderException.class);
        }
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Integer> afterStepDown = CompletableFuture.supplyAsync(
                () -> upstream.send(site, "/fast", ResponseCheck.STANDARD, attempts).statusCode());
        assertThat(afterStepDown).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(DeposedLeaderException.class);
        assertThat(attempts).as("a deposed request is not retried as transient").hasValue(1);
        assertThat(upstream.requests("/fast")).as("requests sent by a deposed leader").isEqualTo(4);
        assertThat(site.circuit()).as("a deposed request is no upstream failure").isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void withoutElectionEveryRequestIsLeased() {
        lease.always();
        SiteRuntime site = runtime();
        freezeFor(LEASE.multipliedBy(10));
        assertThat(upstream.send(site, "/fast").statusCode()).isEqualTo(200);
        assertThat(upstream.requests("/fast")).isEqualTo(1);
    }

    @Test
    void theLeaseEndsAHeartbeatBeforeTheSessionTimeout() {
        assertThat(LeadershipLease.period(Duration.ofSeconds(8), Duration.ofSeconds(2))).isEqualTo(
                Duration.ofSeconds(6));
        assertThat(LeadershipLease.period(Duration.ofSeconds(8), Duration.ofSeconds(8)))
                .isPositive().isLessThan(Duration.ofSeconds(8));
    }

    private void freezeFor(Duration frozen) {
        nanos.addAndGet(frozen.toNanos());
    }

    private CompletableFuture<Integer> send(SiteRuntime site) {
        return CompletableFuture.supplyAsync(() -> upstream.send(site, "/fast").statusCode(),
                runnable -> Thread.ofVirtual().start(runnable));
    }

    private SiteRuntime runtime() {
        SiteConfig config = new SiteConfig("LEASED", 3, 3, true, "HTTP_JSON", 6_000, 100, 100, 2, 5_000,
                RetryPreset.QUICK, false, null);
        return new SiteRuntime(config, global, metrics, collect, Clock.systemUTC(),
                new TokenBucket(new TokenBucket.Limits(6_000, 100, 100), collect.rateWindowMargin()), lease);
    }
}
