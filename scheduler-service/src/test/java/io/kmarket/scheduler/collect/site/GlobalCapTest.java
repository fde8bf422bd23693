package io.kmarket.scheduler.collect.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.config.CollectConfig;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The global cap (2 here) is smaller than the sum of the sites' caps (4 + 1 + 1): a request waiting for its own
 * site's token or slot must hold no global permit, or a few waiting requests of one site stop every other site.
 */
@QuarkusTest
class GlobalCapTest {

    private static final Duration SETTLE = Duration.ofMillis(500);

    @Inject
    CollectConfig collect;

    @Inject
    CollectMetrics metrics;

    private final ControlledUpstream upstream = ControlledUpstream.start();
    private final List<Thread> waiting = new ArrayList<>();

    @AfterEach
    void stopWaiting() throws InterruptedException {
        waiting.forEach(Thread::interrupt);
        upstream.letThrough(100);
        for (Thread thread : waiting) {
            thread.join(Duration.ofSeconds(10));
        }
        upstream.close();
    }

    @Test
    void aSiteWaitingOnItsOwnTokensAndSlotsLeavesTheGlobalPermitsToOthers() throws Exception {
        Semaphore global = new Semaphore(2, true);
        // One call a minute, already spent: its requests wait about a minute for their turn.
        TokenBucket spent = new TokenBucket(new TokenBucket.Limits(1, null, 1), collect.rateWindowMargin());
        spent.acquire();
        SiteRuntime outOfTokens = runtime("SLOWA", 4, global, spent);
        // One slot, taken by a request held in flight (which rightly holds a global permit).
        SiteRuntime outOfSlots = runtime("ONESLOT", 1, global, fastBucket());
        SiteRuntime other = runtime("OTHER", 1, global, fastBucket());
        for (int i = 0; i < 4; i++) {
            waitFor(outOfTokens, "/fast");
            waitFor(outOfSlots, "/held");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> upstream.heldInFlight() == 1);
        Thread.sleep(SETTLE);

        CompletableFuture<Integer> otherSite = CompletableFuture.supplyAsync(
                () -> upstream.send(other, "/other").statusCode(), runnable -> Thread.ofVirtual().start(runnable));

        assertThat(otherSite.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(upstream.requests("/fast")).as("requests of the site out of tokens that left").isZero();
        assertThat(upstream.requests("/held")).as("requests of the site out of slots that left").isEqualTo(1);
        assertThat(waiting).allMatch(Thread::isAlive);
        assertThat(global.availablePermits()).as("global permits free: all but the one in flight").isEqualTo(1);
    }

    private SiteRuntime runtime(String code, int maxConcurrency, Semaphore global, TokenBucket bucket) {
        SiteConfig config = new SiteConfig(code, 3, 3, true, "HTTP_JSON", 6_000, 100, 100, maxConcurrency, 5_000,
                RetryPreset.QUICK, false, null);
        return new SiteRuntime(config, global, metrics, collect, Clock.systemUTC(), bucket);
    }

    private TokenBucket fastBucket() {
        return new TokenBucket(new TokenBucket.Limits(6_000, 100, 100), collect.rateWindowMargin());
    }

    private void waitFor(SiteRuntime site, String path) {
        waiting.add(Thread.ofVirtual().start(() -> upstream.send(site, path)));
    }
}
