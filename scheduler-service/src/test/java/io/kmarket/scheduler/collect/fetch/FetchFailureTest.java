package io.kmarket.scheduler.collect.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.time.Duration;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.TaskStatus;
import io.kmarket.scheduler.collect.fetch.FetchFailure.Ending;
import io.kmarket.scheduler.fencing.DeposedLeaderException;

/**
 * Each class of failure: how the task ends, the reason ops.fetch_execution_logs records, whether the request is
 * retried and whether it counts towards opening the site's circuit.
 */
class FetchFailureTest {

    /** The classification's four answers at once, so each test states them all. */
    private record Meaning(FetchFailure failure, TaskStatus status, String reason, boolean retried, boolean circuit) {

        static Meaning of(Throwable e) {
            FetchFailure failure = FetchFailure.of(e);
            return new Meaning(failure, failure.ending().status(), failure.reason(), failure.retryable(),
                    failure.countsAgainstCircuit());
        }
    }

    @Test
    void aNetworkErrorOr5xxIsRetriedAndCountsAgainstTheSite() {
        assertThat(Meaning.of(new TransientFetchException("HTTP 503")))
                .isEqualTo(new Meaning(FetchFailure.TRANSIENT, TaskStatus.FAILED, "transient", true, true));
    }

    @Test
    void aTimeoutIsRetriedCountsAgainstTheSiteAndEndsTheTaskAsTimedOut() {
        assertThat(Meaning.of(new TransientFetchException("timed out after 100 ms", null, true)))
                .isEqualTo(new Meaning(FetchFailure.TIMEOUT, TaskStatus.TIMEOUT, "timeout", true, true));
    }

    @Test
    void aRateLimitAnswerIsRetriedButNeverOpensTheCircuit() {
        // A subclass of the transient failure: the more specific class decides.
        assertThat(Meaning.of(new RateLimitedException("HTTP 429", Duration.ofSeconds(30))))
                .isEqualTo(new Meaning(FetchFailure.RATE_LIMITED, TaskStatus.FAILED, "rate_limited", true, false));
    }

    @Test
    void aBlockIsNotRetriedButCountsAgainstTheSite() {
        assertThat(Meaning.of(new SiteBlockedException("KRX blocked this client: HTTP 403")))
                .isEqualTo(new Meaning(FetchFailure.BLOCKED, TaskStatus.FAILED, "blocked", false, true));
    }

    @Test
    void aMalformedAnswerIsNeitherRetriedNorHeldAgainstTheSite() {
        assertThat(Meaning.of(new MalformedPayloadException("body is not well-formed XML")))
                .isEqualTo(new Meaning(FetchFailure.MALFORMED, TaskStatus.FAILED, "malformed", false, false));
    }

    @Test
    void aRefusedRequestIsNeitherRetriedNorHeldAgainstTheSite() {
        assertThat(Meaning.of(new RejectedRequestException("OpenDART refused the request with status 100")))
                .isEqualTo(new Meaning(FetchFailure.REJECTED, TaskStatus.FAILED, "rejected", false, false));
    }

    @Test
    void aSourceWithoutCredentialsSkipsTheTask() {
        assertThat(Meaning.of(new SourceUnconfiguredException("OpenDART needs at least one key")))
                .isEqualTo(new Meaning(FetchFailure.UNCONFIGURED, TaskStatus.SKIPPED, "unconfigured", false, false));
    }

    @Test
    void anOpenCircuitSkipsTheTask() {
        assertThat(Meaning.of(new CircuitBreakerOpenException("the circuit of KRX opened while waiting")))
                .isEqualTo(new Meaning(FetchFailure.CIRCUIT_OPEN, TaskStatus.SKIPPED, "circuit_open", false, false));
    }

    @Test
    void anInterruptSkipsTheTaskAsCancelled() {
        assertThat(Meaning.of(new InterruptedException()))
                .isEqualTo(new Meaning(FetchFailure.CANCELLED, TaskStatus.SKIPPED, "cancelled", false, false));
    }

    @Test
    void aDeposedLeaderRecordsNothingAndEndsTheRun() {
        FetchFailure failure = FetchFailure.of(new DeposedLeaderException(3, 4, "other-instance"));

        assertThat(failure).isEqualTo(FetchFailure.DEPOSED);
        assertThat(failure.ending()).isEqualTo(Ending.RUN_ENDS);
        assertThat(failure.reason()).isNull();
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void anythingUnforeseenIsAnErrorNeitherRetriedNorHeldAgainstTheSite() {
        assertThat(Meaning.of(new IllegalStateException("a bug")))
                .isEqualTo(new Meaning(FetchFailure.ERROR, TaskStatus.FAILED, "error", false, false));
        // The classification looks at the exception itself, not at its cause.
        assertThat(FetchFailure.of(new UncheckedIOException(new java.io.IOException("reset")))).isEqualTo(
                FetchFailure.ERROR);
    }
}
