package io.kmarket.scheduler.collect.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.fetch.RateLimitedException;
import io.kmarket.scheduler.collect.fetch.TransientFetchException;

/** The retry presets' delays, and the backoff that jitters them and honours Retry-After. */
class PresetBackoffTest {

    private static final TransientFetchException FAILURE = new TransientFetchException("HTTP 503");

    @Test
    void eachPresetGrowsItsFirstDelayByItsFactor() {
        assertThat(IntStream.range(0, 3).mapToLong(RetryPreset.QUICK::delayMs).toArray())
                .containsExactly(500, 750, 1125);
        assertThat(IntStream.range(0, 3).mapToLong(RetryPreset.STANDARD::delayMs).toArray())
                .containsExactly(1000, 2000, 4000);
        assertThat(IntStream.range(0, 4).mapToLong(RetryPreset.PERSISTENT::delayMs).toArray())
                .containsExactly(2000, 4000, 8000, 16000);
    }

    @Test
    void eachRetryWaitsItsPresetDelayWithinTwentyPercent() {
        PresetBackoff backoff = new PresetBackoff(RetryPreset.STANDARD, 1.0);

        assertThat(backoff.nextDelayInMillis(FAILURE)).isBetween(800L, 1200L);
        assertThat(backoff.nextDelayInMillis(FAILURE)).isBetween(1600L, 2400L);
        assertThat(backoff.nextDelayInMillis(FAILURE)).isBetween(3200L, 4800L);
    }

    @Test
    void theScaleShrinksEveryDelay() {
        // Tests and benchmarks run with a small scale so that retries do not slow them down.
        PresetBackoff backoff = new PresetBackoff(RetryPreset.PERSISTENT, 0.01);

        assertThat(backoff.nextDelayInMillis(FAILURE)).isBetween(16L, 24L);
        assertThat(backoff.nextDelayInMillis(FAILURE)).isBetween(32L, 48L);
    }

    @Test
    void theJitterSpreadsTheDelaysOverTheWholeRange() {
        LongSummaryStatistics first = IntStream.range(0, 1000)
                .mapToLong(i -> new PresetBackoff(RetryPreset.STANDARD, 1.0).nextDelayInMillis(FAILURE))
                .summaryStatistics();

        // Uniform over 800..1200 ms: a thousand draws all within 100 ms of 1 s is practically impossible.
        assertThat(first.getMin()).isBetween(800L, 900L);
        assertThat(first.getMax()).isBetween(1100L, 1200L);
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaitedInFull() {
        PresetBackoff backoff = new PresetBackoff(RetryPreset.QUICK, 1.0);

        assertThat(backoff.nextDelayInMillis(new RateLimitedException("HTTP 429", Duration.ofSeconds(30))))
                .isEqualTo(30_000);
    }

    @Test
    void aShorterOrMissingRetryAfterLeavesTheBackoff() {
        PresetBackoff backoff = new PresetBackoff(RetryPreset.STANDARD, 1.0);

        assertThat(backoff.nextDelayInMillis(new RateLimitedException("HTTP 429", Duration.ofMillis(5))))
                .isBetween(800L, 1200L);
        assertThat(backoff.nextDelayInMillis(new RateLimitedException("KIS EGW00201", null)))
                .isBetween(1600L, 2400L);
    }
}
