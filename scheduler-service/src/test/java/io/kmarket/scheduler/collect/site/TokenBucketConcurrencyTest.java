package io.kmarket.scheduler.collect.site;

import static io.kmarket.scheduler.collect.site.SendWindows.MINUTE;
import static io.kmarket.scheduler.collect.site.SendWindows.SECOND;
import static io.kmarket.scheduler.collect.site.SendWindows.busiest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.kmarket.scheduler.collect.site.TokenBucket.Limits;

/**
 * Eight callers of one site on simulated time, as a loaded machine runs them: wake-ups late by a few ms and now
 * and then by a descheduled thread's 300 ms, stalls while waiting for the global permit, and up to the window
 * margin between being admitted and the request leaving. Every instant a request leaves is recorded; no sliding
 * second or minute (so no fixed window of the upstream, however aligned) may hold more than the site allows.
 * <p>
 * Stalls AFTER admission are kept within the margin: that is the margin's job (TokenBucket's Javadoc), and no
 * limiter that is not told when the request actually leaves can bound a longer one.
 */
class TokenBucketConcurrencyTest {

    private static final int CALLERS = 8;
    private static final Duration MARGIN = Duration.ofMillis(30);
    private static final long MS = 1_000_000;
    private static final long RELOAD_AT = 90_000 * MS;

    /** The limits of one configuration and the windows they allow, written out rather than derived. */
    record Allowed(Limits limits, int perSecond, int perMinute) {

        @Override
        public String toString() {
            return limits.perMinute() + "/min, " + limits.perSecond() + "/s, burst " + limits.burst();
        }
    }

    private static final Allowed KRX_LIKE = new Allowed(new Limits(240, 5, 5), 5, 240);
    private static final Allowed SLOW = new Allowed(new Limits(120, 2, 2), 2, 120);
    /** No per-second limit: max(burst, 60/60) = 5 per second. */
    private static final Allowed PER_MINUTE_ONLY = new Allowed(new Limits(60, null, 5), 5, 60);
    private static final Allowed KIS_LIKE = new Allowed(new Limits(1_200, 20, 20), 20, 1_200);

    static Stream<Arguments> sites() {
        return seeds().boxed().flatMap(seed -> Stream.of(
                Arguments.of(KRX_LIKE, 60, seed), Arguments.of(PER_MINUTE_ONLY, 25, seed),
                Arguments.of(KIS_LIKE, 300, seed)));
    }

    static Stream<Arguments> reloads() {
        return seeds().boxed().flatMap(seed -> Stream.of(
                Arguments.of(KRX_LIKE, SLOW, seed), Arguments.of(SLOW, KRX_LIKE, seed)));
    }

    private static LongStream seeds() {
        return LongStream.rangeClosed(1, 5);
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @MethodSource("sites")
    @Timeout(120)
    void stalledAndLateCallersNeverOverrunASecondOrAMinute(Allowed site, int callsEach, long seed)
            throws InterruptedException {
        Run run = new Run(site.limits(), seed);

        run.time.run(run.callers(callsEach));

        assertThat(run.sent()).hasSize(CALLERS * callsEach);
        assertWithin(run.sent(), site.perSecond(), site.perMinute());
        // ... and the callers did press against the limit, or the windows above would prove nothing.
        assertThat(busiest(run.sent(), MINUTE)).as("the busiest minute")
                .isGreaterThanOrEqualTo(site.perMinute() * 9 / 10);
    }

    @ParameterizedTest(name = "{0} -> {1}, seed {2}")
    @MethodSource("reloads")
    @Timeout(120)
    void aReloadNeverLetsAWindowHoldMoreThanTheLargerOfTheTwoLimits(Allowed before, Allowed after, long seed)
            throws InterruptedException {
        Run run = new Run(before.limits(), seed);
        List<SimulatedTime.Action> actions = new ArrayList<>(run.callers(70));
        actions.add(() -> {
            run.time.stall(RELOAD_AT);
            run.bucket.update(after.limits());
        });

        run.time.run(actions);

        assertThat(Collections.max(run.sent())).as("the last request").isGreaterThan(RELOAD_AT + MINUTE);
        // No fresh burst on top of the requests of the window before: not even the windows across the reload
        // hold more than the larger limit.
        assertWithin(run.sent(), Math.max(before.perSecond(), after.perSecond()),
                Math.max(before.perMinute(), after.perMinute()));
        assertWithin(inRange(run.sent(), 0, RELOAD_AT), before.perSecond(), before.perMinute());
        // Requests admitted just before the edit may leave up to the margin after it; from then on, the new limits.
        assertWithin(inRange(run.sent(), RELOAD_AT + MARGIN.toNanos() + 1, Long.MAX_VALUE), after.perSecond(),
                after.perMinute());
    }

    private static void assertWithin(List<Long> sent, int perSecond, int perMinute) {
        assertThat(busiest(sent, SECOND)).as("requests in the busiest second").isLessThanOrEqualTo(perSecond);
        assertThat(busiest(sent, MINUTE)).as("requests in the busiest minute").isLessThanOrEqualTo(perMinute);
    }

    private static List<Long> inRange(List<Long> sent, long from, long to) {
        return sent.stream().filter(at -> at >= from && at < to).toList();
    }

    /** One simulated site: its bucket, its callers and the instants their requests left. */
    private static final class Run {

        final Random random;
        final SimulatedTime time;
        final TokenBucket bucket;
        private final Queue<Long> sentAt = new ConcurrentLinkedQueue<>();

        Run(Limits limits, long seed) {
            random = new Random(seed);
            time = new SimulatedTime(SimulatedTime.lateByAFewMillisOrStalled(random, 300 * MS));
            bucket = new TokenBucket(limits, MARGIN, time);
        }

        /**
         * Half the callers take the site's turn the way SiteRuntime does (with the global permit, waiting for
         * which stalls them), half with the plain {@link TokenBucket#acquire()}; each then stalls up to the margin
         * before its request leaves, and spends up to 200 ms on it.
         */
        List<SimulatedTime.Action> callers(int callsEach) {
            Semaphore global = new StallingPermit();
            List<SimulatedTime.Action> callers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                boolean withPermit = i % 2 == 0;
                callers.add(() -> {
                    for (int call = 0; call < callsEach; call++) {
                        if (withPermit) {
                            bucket.acquire(global);
                        } else {
                            bucket.acquire();
                        }
                        time.stall(random.nextLong(MARGIN.toNanos() + 1));
                        sentAt.add(time.nanoTime());
                        if (withPermit) {
                            global.release();
                        }
                        time.stall(random.nextLong(200 * MS));
                    }
                });
            }
            return callers;
        }

        List<Long> sent() {
            return List.copyOf(sentAt);
        }

        /** A global permit that is always available, after a stall: now and then up to 500 ms, mostly none. */
        private final class StallingPermit extends Semaphore {

            StallingPermit() {
                super(Integer.MAX_VALUE / 2);
            }

            @Override
            public void acquire() throws InterruptedException {
                time.stall(random.nextInt(4) == 0 ? random.nextLong(500 * MS) : 0);
                super.acquire();
            }
        }
    }
}
