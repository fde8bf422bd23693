package io.kmarket.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The per-client counts under a flood of distinct client keys, all within one window (fixed time). */
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
}
