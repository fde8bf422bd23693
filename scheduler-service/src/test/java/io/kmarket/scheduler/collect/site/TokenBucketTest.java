package io.kmarket.scheduler.collect.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The bucket makes callers wait for their token instead of rejecting them, and adapts its rate. */
class TokenBucketTest {

    private static final long MS = 1_000_000;
    /** Wake-ups end late by 5, 0, 0, 5, 0, 0, ... ms: a few ms, never the same amount twice in a row. */
    private static final long[] SMALL_LATENESS = {5 * MS, 0, 0};

    @Test
    void lateWakeUpsNeverPutACallTooManyIntoASecond() throws InterruptedException {
        LateWakeUps time = new LateWakeUps(SMALL_LATENESS);
        TokenBucket bucket = new TokenBucket(1_200, 1, Duration.ZERO, time); // 20 per second
        // A grant computed before sleeping let a late call and a punctual one share a second (21, a violation
        // for an upstream counting per fixed second); turns counted at the instant a woken caller leaves do not.
        assertThat(time.busiestSecond(bucket, 200)).isEqualTo(20);
    }

    @Test
    void sixtyPerMinuteWithABurstOfFiveNeverPutsMoreThanSixtyIntoAMinute() throws InterruptedException {
        LateWakeUps time = new LateWakeUps(SMALL_LATENESS);
        TokenBucket bucket = new TokenBucket(60, 5, Duration.ZERO, time);
        // A plain bucket spends its burst of 5 and then refills 1 per second: 64 calls in the first 60 s, where a
        // site counting per minute allows 60.
        assertThat(time.busiest(bucket, 200, 60_000 * MS)).isLessThanOrEqualTo(60);
        // ... and still uses the minute: 200 calls take about 200 s, not more.
        assertThat(time.nanoTime()).isLessThan(202_000 * MS);
    }

    @Test
    void theWindowMarginKeepsEverySecondWithinTheRate() throws InterruptedException {
        LateWakeUps time = new LateWakeUps(new long[] {25 * MS, 0, 9 * MS});
        TokenBucket bucket = new TokenBucket(1_200, 1, Duration.ofMillis(30), time);
        // Long lateness costs throughput (a late caller's turn is not made up for), never a window.
        assertThat(time.busiestSecond(bucket, 200)).isLessThanOrEqualTo(20);
    }

    @Test
    void aBurstIsNotStackedOnTopOfTheRateWithinASecond() throws InterruptedException {
        LateWakeUps time = new LateWakeUps(new long[] {0});
        TokenBucket bucket = new TokenBucket(240, 5, Duration.ofMillis(30), time); // 4 per second, burst 5
        // A plain bucket grants the 5 at once and 3 refilled tokens in the same second: 8 where 5 are allowed.
        assertThat(time.busiestSecond(bucket, 100)).isEqualTo(5);
        // ... and still 4 per second in the long run (100 calls: the burst, then 95 at 4/s).
        assertThat(time.nanoTime()).isBetween(23_700 * MS, 24_500 * MS);
    }

    @Test
    void theMarginCostsItsShareOfThroughput() throws InterruptedException {
        LateWakeUps time = new LateWakeUps(new long[] {0});
        TokenBucket bucket = new TokenBucket(1_200, 1, Duration.ofMillis(30), time);
        for (int i = 0; i < 41; i++) {
            bucket.acquire();
        }
        // 20 calls in each 1.03 s: the 41st leaves at 2.06 s instead of 2 s; the rate the site's configuration
        // speaks of is unchanged.
        assertThat(time.nanoTime()).isCloseTo(2_060 * MS, org.assertj.core.data.Offset.offset(1_000L));
        assertThat(bucket.ratePerMinute()).isEqualTo(1_200.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void callersBeyondTheBurstWaitForTheRate() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(120, 2, Duration.ZERO); // 2 per second after a burst of 2
        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            bucket.acquire();
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // 2 tokens at once, then 4 more at 2/s: at least 2 seconds, never all at once.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void aRateLimitAnswerHalvesTheRateAndSuccessesRecoverIt() {
        TokenBucket bucket = new TokenBucket(60, 1, Duration.ZERO);
        bucket.slowDown();
        assertThat(bucket.ratePerMinute()).isEqualTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        bucket.slowDown();
        assertThat(bucket.ratePerMinute()).isEqualTo(15.0, org.assertj.core.data.Offset.offset(1e-9));
        for (int i = 0; i < 100; i++) {
            bucket.recover();
        }
        assertThat(bucket.ratePerMinute()).isEqualTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theRateNeverFallsBelowASixteenth() {
        TokenBucket bucket = new TokenBucket(160, 1, Duration.ZERO);
        for (int i = 0; i < 20; i++) {
            bucket.slowDown();
        }
        assertThat(bucket.ratePerMinute()).isEqualTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Fake time whose sleeps end late by a repeating pattern, as real wake-ups do (never early). */
    private static final class LateWakeUps implements TokenBucket.Ticker {

        private final long[] latenessNanos;
        private long now;
        private int sleeps;

        LateWakeUps(long[] latenessNanos) {
            this.latenessNanos = latenessNanos;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            now += nanos + latenessNanos[sleeps++ % latenessNanos.length];
        }

        /** Takes {@code calls} tokens one after another; the most that fell into any one-second interval. */
        int busiestSecond(TokenBucket bucket, int calls) throws InterruptedException {
            return busiest(bucket, calls, 1_000 * MS);
        }

        /** Takes {@code calls} tokens one after another; the most that fell into any interval of {@code window}. */
        int busiest(TokenBucket bucket, int calls, long windowNanos) throws InterruptedException {
            List<Long> sent = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                bucket.acquire();
                sent.add(now);
            }
            return SendWindows.busiest(sent, windowNanos);
        }
    }
}
