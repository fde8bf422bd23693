package io.kmarket.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.kmarket.testing.MovingClock;

/**
 * The per-client fixed windows on a clock the test moves: the allowance per window, the seconds until the window
 * ends, a fresh allowance in the next window, clients counted apart, and the bound under a flood of distinct keys.
 */
class ClientRateLimiterTest {

    private static final int REQUESTS = 5;
    private static final long WINDOW_MILLIS = 60_000;
    private static final int BOUND = 10_000;
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T08:00:30Z"), ZoneOffset.UTC);

    @Test
    void aHundredThousandDistinctClientsKeepTheCountsWithinTheBoundAndAHeavyClientStaysLimited() {
        ClientRateLimiter limiter = new ClientRateLimiter(REQUESTS, WINDOW_MILLIS, BOUND, NOW);
        for (int i = 0; i < 100_000; i++) {
            assertThat(limiter.acquire("h:flood-" + i)).isZero();
            if (i % 100 == 0) {
                limiter.acquire("h:heavy");
            }
        }
        assertThat(limiter.trackedClients()).isLessThanOrEqualTo(BOUND);
        // 1,000 requests in this window: forgetting the least used clients must not forget the one over its limit.
        assertThat(limiter.acquire("h:heavy")).isEqualTo(30);
    }

    @Test
    void aClientGetsTheConfiguredRequestsPerWindowThenTheWholeSecondsUntilTheWindowEnds() {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-07T08:00:30Z"));
        ClientRateLimiter limiter = new ClientRateLimiter(3, WINDOW_MILLIS, BOUND, clock);

        assertThat(limiter.acquire("h:a")).isZero();
        assertThat(limiter.acquire("h:a")).isZero();
        assertThat(limiter.acquire("h:a")).isZero();
        // Windows start on whole minutes: 08:00:00..08:01:00, 30 s left.
        assertThat(limiter.acquire("h:a")).isEqualTo(30);
        clock.advance(Duration.ofMillis(29_100));
        // 0.9 s left: rounded up, never 0 while refused.
        assertThat(limiter.acquire("h:a")).isEqualTo(1);
        clock.advance(Duration.ofMillis(899));
        assertThat(limiter.acquire("h:a")).isEqualTo(1);
    }

    @Test
    void theNextWindowStartsAFreshAllowance() {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-07T08:00:59Z"));
        ClientRateLimiter limiter = new ClientRateLimiter(2, WINDOW_MILLIS, BOUND, clock);
        limiter.acquire("h:a");
        limiter.acquire("h:a");
        assertThat(limiter.acquire("h:a")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.acquire("h:a")).isZero();
        assertThat(limiter.acquire("h:a")).isZero();
        assertThat(limiter.acquire("h:a")).isEqualTo(60);
    }

    @Test
    void aClientOverItsLimitDoesNotLimitAnother() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, WINDOW_MILLIS, BOUND, NOW);
        limiter.acquire("h:a");

        assertThat(limiter.acquire("h:a")).isEqualTo(30);
        assertThat(limiter.acquire("h:b")).isZero();
        assertThat(limiter.acquire("ip:10.0.0.1")).isZero();
    }

    @Test
    void aClientQuietForAWholeWindowIsNoLongerTracked() {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-07T08:00:30Z"));
        ClientRateLimiter limiter = new ClientRateLimiter(REQUESTS, WINDOW_MILLIS, BOUND, clock);
        limiter.acquire("h:a");
        limiter.acquire("h:b");
        assertThat(limiter.trackedClients()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));
        limiter.acquire("h:b");
        clock.advance(Duration.ofSeconds(31));

        assertThat(limiter.trackedClients()).isEqualTo(1);
    }
}
