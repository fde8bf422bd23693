package io.kmarket.scheduler.collect.fetch;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.kmarket.scheduler.collect.TaskStatus;
import io.kmarket.scheduler.fencing.DeposedLeaderException;

/**
 * What a failure while fetching means, decided in this one place from its exception: whether the request is worth
 * retrying, whether it counts towards opening the site's circuit, and how the task ends, recorded with which reason
 * ({@code error_type} in ops.fetch_execution_logs). The site's runtime reads the first two, the task runner the rest.
 */
public enum FetchFailure {

    /** The source has no credentials: the task is skipped, like every task of that source. */
    UNCONFIGURED(Ending.SKIPPED, "unconfigured", false, false),
    /** The site's circuit is open (or opened while the task waited): skipped without a request. */
    CIRCUIT_OPEN(Ending.SKIPPED, "circuit_open", false, false),
    /** The run was interrupted. */
    CANCELLED(Ending.SKIPPED, "cancelled", false, false),
    /** The answer was not what the source serves (a maintenance page, a broken body): recorded as a rejection too. */
    MALFORMED(Ending.FAILED, "malformed", false, false),
    /** "Too many requests": retried, slower, but never a reason to think the site is down. */
    RATE_LIMITED(Ending.FAILED, "rate_limited", true, false),
    TIMEOUT(Ending.TIMED_OUT, "timeout", true, true),
    /** A network error or 5xx. */
    TRANSIENT(Ending.FAILED, "transient", true, true),
    /** The site blocked this client: retrying now would only prolong the block. */
    BLOCKED(Ending.FAILED, "blocked", false, true),
    /** The site refused this request (or it cannot be made): the same request would be refused again. */
    REJECTED(Ending.FAILED, "rejected", false, false),
    /** This instance is no longer the leader: not the data's fault, nothing is recorded and the run ends. */
    DEPOSED(Ending.RUN_ENDS, null, false, false),
    /** Anything unforeseen: a bug rather than the site, so logged with its stack trace. */
    ERROR(Ending.FAILED, "error", false, false);

    /** How the task ends; {@code status} is the one it is recorded with, none when the whole run ends. */
    public enum Ending {
        SKIPPED(TaskStatus.SKIPPED), FAILED(TaskStatus.FAILED), TIMED_OUT(TaskStatus.TIMEOUT), RUN_ENDS(null);

        private final TaskStatus status;

        Ending(TaskStatus status) {
            this.status = status;
        }

        public TaskStatus status() {
            return status;
        }
    }

    private final Ending ending;
    private final String reason;
    private final boolean retryable;
    private final boolean countsAgainstCircuit;

    FetchFailure(Ending ending, String reason, boolean retryable, boolean countsAgainstCircuit) {
        this.ending = ending;
        this.reason = reason;
        this.retryable = retryable;
        this.countsAgainstCircuit = countsAgainstCircuit;
    }

    /** The class of {@code failure}; anything not foreseen is an {@link #ERROR}. */
    public static FetchFailure of(Throwable failure) {
        return switch (failure) {
            case SourceUnconfiguredException e -> UNCONFIGURED;
            case CircuitBreakerOpenException e -> CIRCUIT_OPEN;
            case InterruptedException e -> CANCELLED;
            case MalformedPayloadException e -> MALFORMED;
            case RateLimitedException e -> RATE_LIMITED;
            case TransientFetchException e -> e.timeout() ? TIMEOUT : TRANSIENT;
            case SiteBlockedException e -> BLOCKED;
            case RejectedRequestException e -> REJECTED;
            case DeposedLeaderException e -> DEPOSED;
            default -> ERROR;
        };
    }

    public Ending ending() {
        return ending;
    }

    /** The recorded reason ({@code error_type}); null for {@link #DEPOSED}, which records nothing. */
    public String reason() {
        return reason;
    }

    /** Whether the same request, sent again after a backoff, may well succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** Whether it says the site may be down, so that enough of them in a row open its circuit. */
    public boolean countsAgainstCircuit() {
        return countsAgainstCircuit;
    }
}
