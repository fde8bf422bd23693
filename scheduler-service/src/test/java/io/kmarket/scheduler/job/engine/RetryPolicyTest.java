package io.kmarket.scheduler.job.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The wait before each retry of a run: the backoff, multiplied after each further failure. */
class RetryPolicyTest {

    @Test
    void theFirstRetryWaitsTheBackoffAndEachLaterOneTheMultipleOfThePrevious() {
        JobDefinition.RetryPolicy policy = new JobDefinition.RetryPolicy(4, Duration.ofSeconds(30), 2.0);
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aFractionalMultiplierGrowsTheWaitByItsFraction() {
        JobDefinition.RetryPolicy policy = new JobDefinition.RetryPolicy(3, Duration.ofMillis(100), 1.5);
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofMillis(150));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofMillis(225));
    }

    @Test
    void aMultiplierOfOneKeepsTheWaitConstant() {
        JobDefinition.RetryPolicy policy = new JobDefinition.RetryPolicy(5, Duration.ofMillis(10), 1.0);
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMillis(10));
        assertThat(policy.delayBefore(5)).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void theFirstAttemptItselfIsNotDelayed() {
        // delayBefore(1) is never asked by the runner; it must not shrink below the backoff either.
        JobDefinition.RetryPolicy policy = new JobDefinition.RetryPolicy(3, Duration.ofSeconds(30), 2.0);
        assertThat(policy.delayBefore(1)).isEqualTo(Duration.ofSeconds(30));
    }
}
