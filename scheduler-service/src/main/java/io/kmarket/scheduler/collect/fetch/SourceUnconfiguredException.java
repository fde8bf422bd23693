package io.kmarket.scheduler.collect.fetch;

/** The source needs credentials this deployment does not have: its tasks are skipped, not failed. */
public class SourceUnconfiguredException extends RuntimeException {

    public SourceUnconfiguredException(String message) {
        super(message);
    }
}
