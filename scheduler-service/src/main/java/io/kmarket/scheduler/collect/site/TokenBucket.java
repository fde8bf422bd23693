package io.kmarket.scheduler.collect.site;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket whose callers WAIT for their token, with a rate that halves on a rate-limit answer and recovers
 * slowly on success. Hand-written because SmallRye's rate limit (and Micrometer/Vert.x alternatives) reject
 * instead of waiting and cannot change their rate while in use.
 * <p>
 * Tokens are reserved (the balance may go negative), so waiting callers are served in arrival order and the
 * long-run rate never exceeds the configured one, however many threads compete.
 * <p>
 * Upstreams count calls in fixed windows of a second (the sandbox, KRX), which a plain bucket overruns in two
 * ways: a burst and the tokens refilled in the same second add up (burst 5 at 4/s puts 8 calls into one second),
 * and a call leaves when its caller wakes up, a little late and by a different amount each time, so at exactly
 * the limit a late call at a window's end and a punctual one after it share the next window. So, besides the
 * bucket, no more than {@code max(burst, calls per second)} calls are granted within any 1 s + {@code windowMargin}:
 * as long as wake-up and network delays differ by less than the margin, no upstream second sees more.
 */
public final class TokenBucket {

    /** Time as the bucket sees it; tests replace it to make wake-up delays deterministic. */
    interface Ticker {
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };

        long nanoTime();

        void sleep(long nanos) throws InterruptedException;
    }

    /** The adaptive rate never drops below this share of the configured rate. */
    private static final double FLOOR_SHARE = 1.0 / 16;
    /** Each success gives back this share of the configured rate. */
    private static final double RECOVERY_SHARE = 0.02;

    private final double configuredPerSecond;
    private final int burst;
    private final Ticker ticker;
    private final long windowNanos;
    /** When the last {@code max(burst, calls per second)} calls were granted, oldest at {@code oldest}. */
    private final long[] granted;
    private int oldest;
    private double perSecond;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(int callsPerMinute, int burst, Duration windowMargin) {
        this(callsPerMinute, burst, windowMargin, Ticker.SYSTEM);
    }

    TokenBucket(int callsPerMinute, int burst, Duration windowMargin, Ticker ticker) {
        if (windowMargin.isNegative()) {
            throw new IllegalArgumentException("the rate window margin must not be negative: " + windowMargin);
        }
        this.configuredPerSecond = callsPerMinute / 60.0;
        this.burst = burst;
        this.ticker = ticker;
        this.perSecond = configuredPerSecond;
        this.tokens = burst;
        this.lastRefillNanos = ticker.nanoTime();
        this.windowNanos = TimeUnit.SECONDS.toNanos(1) + windowMargin.toNanos();
        this.granted = new long[Math.max(burst, (int) Math.ceil(configuredPerSecond))];
        Arrays.fill(granted, lastRefillNanos - windowNanos);
    }

    /** Blocks until a token is available; returns how long it waited in nanoseconds. */
    public long acquire() throws InterruptedException {
        long waitNanos = reserve();
        if (waitNanos > 0) {
            ticker.sleep(waitNanos);
        }
        return Math.max(0, waitNanos);
    }

    /** Takes a token; returns how long its caller waits (grants come out in order, each no earlier than the last). */
    private synchronized long reserve() {
        refill();
        tokens -= 1;
        long bucketWait = tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
        long at = Math.max(lastRefillNanos + bucketWait, granted[oldest] + windowNanos);
        granted[oldest] = at;
        oldest = (oldest + 1) % granted.length;
        return at - lastRefillNanos;
    }

    private void refill() {
        long now = ticker.nanoTime();
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
