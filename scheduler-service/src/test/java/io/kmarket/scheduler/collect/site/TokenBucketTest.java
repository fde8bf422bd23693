package io.kmarket.scheduler.collect.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The bucket makes callers wait for their token instead of rejecting them, and adapts its rate. */
class TokenBucketTest {

    @Test
    void callersBeyondTheBurstWaitForTheRate() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(120, 2); // 2 per second after a burst of 2
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
        TokenBucket bucket = new TokenBucket(60, 1);
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
        TokenBucket bucket = new TokenBucket(160, 1);
        for (int i = 0; i < 20; i++) {
            bucket.slowDown();
        }
        assertThat(bucket.ratePerMinute()).isEqualTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
