package io.kmarket.scheduler.collect.fetch;

import java.time.Duration;

/** The site said "too many requests" (HTTP 429, DART 020, KIS EGW00201): wait at least {@link #retryAfter()}. */
public class RateLimitedException extends TransientFetchException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message, null, false);
        this.retryAfter = retryAfter;
    }

    /** Null when the site did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
