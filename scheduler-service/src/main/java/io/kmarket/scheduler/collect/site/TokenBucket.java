package io.kmarket.scheduler.collect.site;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket whose callers WAIT for their token, with a rate that halves on a rate-limit answer and recovers
 * slowly on success. Hand-written because SmallRye's rate limit (and Micrometer/Vert.x alternatives) reject
 * instead of waiting and cannot change their rate while in use.
 * <p>
 * Tokens are reserved (the balance may go negative), so waiting callers are served in arrival order and the
 * long-run rate never exceeds the configured one, however many threads compete.
 */
public final class TokenBucket {

    /** The adaptive rate never drops below this share of the configured rate. */
    private static final double FLOOR_SHARE = 1.0 / 16;
    /** Each success gives back this share of the configured rate. */
    private static final double RECOVERY_SHARE = 0.02;

    private final double configuredPerSecond;
    private final int burst;
    private double perSecond;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(int callsPerMinute, int burst) {
        this.configuredPerSecond = callsPerMinute / 60.0;
        this.burst = burst;
        this.perSecond = configuredPerSecond;
        this.tokens = burst;
        this.lastRefillNanos = System.nanoTime();
    }

    /** Blocks until a token is available; returns how long it waited in nanoseconds. */
    public long acquire() throws InterruptedException {
        long waitNanos = reserve();
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
        return Math.max(0, waitNanos);
    }

    private synchronized long reserve() {
        refill();
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastRefillNanos) / 1e9 * perSecond);
        lastRefillNanos = now;
    }

    /** A rate-limit answer: halve the rate (down to a floor) and drop any saved-up burst. */
    public synchronized void slowDown() {
        refill();
        perSecond = Math.max(configuredPerSecond * FLOOR_SHARE, perSecond / 2);
        tokens = Math.min(tokens, 0);
    }

    public synchronized void recover() {
        if (perSecond < configuredPerSecond) {
            refill();
            perSecond = Math.min(configuredPerSecond, perSecond + configuredPerSecond * RECOVERY_SHARE);
        }
    }

    public synchronized double ratePerMinute() {
        return perSecond * 60;
    }
}
