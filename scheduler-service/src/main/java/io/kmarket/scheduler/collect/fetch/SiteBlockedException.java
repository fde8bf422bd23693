package io.kmarket.scheduler.collect.fetch;

/**
 * The site blocked us (KRX's IP block page). Not retried, since retries prolong a block, but counted against
 * the circuit so the site is left alone.
 */
public class SiteBlockedException extends RuntimeException {

    public SiteBlockedException(String message) {
        super(message);
    }
}
