package io.kmarket.scheduler.collect.fetch;

/** A failure worth retrying: network error, time-out, 5xx, rate-limit answer. Counts against the site's circuit. */
public class TransientFetchException extends RuntimeException {

    private final boolean timeout;

    public TransientFetchException(String message, Throwable cause, boolean timeout) {
        super(message, cause);
        this.timeout = timeout;
    }

    public TransientFetchException(String message) {
        this(message, null, false);
    }

    public boolean timeout() {
        return timeout;
    }
}
