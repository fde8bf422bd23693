package io.kmarket.scheduler.collect.site;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A site's rate limiter: callers WAIT for their turn; a token bucket paces them at an adaptive rate (halved on a
 * rate-limit answer, recovering slowly on success), and every second and every minute the site may count is
 * guaranteed. Hand-written because SmallRye's rate limit (and Micrometer/Vert.x alternatives) reject instead of
 * waiting and cannot change their limits while in use.
 * <p>
 * Upstreams count calls in FIXED windows of a second or a minute (the sandbox, KRX, KIS, DART), aligned however
 * they like. Only a sliding window bounds every fixed one whatever its alignment, so the limiter keeps the instants
 * the last calls actually left and admits a call only when fewer than the limit left within the last
 * {@code window + windowMargin}. Those instants are taken under the lock AFTER the caller woke up, right before it
 * sends: a grant computed ahead of time does not bound when a call leaves if its thread wakes late or stalls, so
 * a caller that wakes up checks again and waits again when someone else went first. The margin absorbs what is
 * left: differences in network delay between two calls, and the few instructions between admission and send.
 * <p>
 * Waiting callers are not queued in arrival order (a woken caller competes with a fresh one); no window is ever
 * overrun either way, and a site's calls come from a handful of its own slots.
 */
public final class TokenBucket {

    /** Time as the limiter sees it; tests replace it to make wake-up delays deterministic. */
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

    /** The limits of one version of a site's configuration. */
    public record Limits(int perMinute, Integer perSecond, int burst) {

        public Limits {
            if (perMinute <= 0 || burst <= 0 || perSecond != null && perSecond <= 0) {
                throw new IllegalArgumentException("rate limits must be positive: " + perMinute + "/min, "
                        + perSecond + "/s, burst " + burst);
            }
        }

        /**
         * Calls allowed in any second: the configured one, or (none configured) what the burst and the per-minute
         * rate imply, so a burst is never stacked on the tokens refilled within the same second.
         */
        int secondCap() {
            return perSecond != null ? perSecond : Math.max(burst, (int) Math.ceil(perMinute / 60.0));
        }

        /** The bucket's long-run rate: the per-minute rate, or less when the per-second limit is lower. */
        double perSecondRate() {
            return Math.min(perMinute / 60.0, secondCap());
        }
    }

    /** The adaptive rate never drops below this share of the configured rate. */
    private static final double FLOOR_SHARE = 1.0 / 16;
    /** Each success gives back this share of the configured rate. */
    private static final double RECOVERY_SHARE = 0.02;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final Ticker ticker;
    private final long marginNanos;
    private final SendHistory history;
    private Limits limits;
    private double configuredPerSecond;
    private double perSecond;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(int callsPerMinute, int burst, Duration windowMargin) {
        this(new Limits(callsPerMinute, null, burst), windowMargin, Ticker.SYSTEM);
    }

    public TokenBucket(Limits limits, Duration windowMargin) {
        this(limits, windowMargin, Ticker.SYSTEM);
    }

    TokenBucket(int callsPerMinute, int burst, Duration windowMargin, Ticker ticker) {
        this(new Limits(callsPerMinute, null, burst), windowMargin, ticker);
    }

    TokenBucket(Limits limits, Duration windowMargin, Ticker ticker) {
        if (windowMargin.isNegative()) {
            throw new IllegalArgumentException("the rate window margin must not be negative: " + windowMargin);
        }
        this.ticker = ticker;
        this.marginNanos = windowMargin.toNanos();
        this.lastRefillNanos = ticker.nanoTime();
        this.history = new SendHistory(lastRefillNanos - MINUTE - marginNanos);
        this.limits = limits;
        this.configuredPerSecond = limits.perSecondRate();
        this.perSecond = configuredPerSecond;
        this.tokens = limits.burst();
    }

    /** Blocks until the caller may send, and counts it as sent now; returns how long it waited in nanoseconds. */
    public long acquire() throws InterruptedException {
        long started = ticker.nanoTime();
        for (long wait = tryAcquire(); wait > 0; wait = tryAcquire()) {
            ticker.sleep(wait);
        }
        return ticker.nanoTime() - started;
    }

    /**
     * Waits for a turn holding no permit (so a site waiting on its own limits never keeps another site's requests
     * from leaving), then takes {@code permit} and the turn together: the turn is counted at the instant the call
     * leaves, so waiting for the permit cannot bunch calls. Returns the nanoseconds waited, holding a permit the
     * caller releases.
     */
    public long acquire(Semaphore permit) throws InterruptedException {
        long started = ticker.nanoTime();
        while (true) {
            awaitTurn();
            permit.acquire();
            if (tryAcquire() == 0) {
                return ticker.nanoTime() - started;
            }
            // Another caller took the turn while this one waited for the permit.
            permit.release();
        }
    }

    /** Waits until a call would be admitted, without taking a turn (the caller then {@link #tryAcquire()}s). */
    private void awaitTurn() throws InterruptedException {
        for (long wait = nanosUntilTurn(); wait > 0; wait = nanosUntilTurn()) {
            ticker.sleep(wait);
        }
    }

    /**
     * Takes a turn if one is due now, recording now as the instant the call leaves; otherwise returns how long
     * until one may be due (0 when taken).
     */
    public synchronized long tryAcquire() {
        long now = refill();
        long wait = waitAt(now);
        if (wait > 0) {
            return wait;
        }
        tokens -= 1;
        history.record(now);
        return 0;
    }

    private synchronized long nanosUntilTurn() {
        return waitAt(refill());
    }

    private long waitAt(long now) {
        long bucketWait = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perSecond * 1e9);
        long secondWait = history.nthLatest(limits.secondCap()) + SECOND + marginNanos - now;
        long minuteWait = history.nthLatest(limits.perMinute()) + MINUTE + marginNanos - now;
        return Math.max(0, Math.max(bucketWait, Math.max(secondWait, minuteWait)));
    }

    private long refill() {
        long now = ticker.nanoTime();
        tokens = Math.min(limits.burst(), tokens + (now - lastRefillNanos) / 1e9 * perSecond);
        lastRefillNanos = now;
        return now;
    }

    /**
     * Applies edited limits at once, keeping the instants already sent (so the windows still hold across the edit)
     * and the adaptive slow-down as the same share of the new rate.
     */
    public synchronized void update(Limits changed) {
        if (changed.equals(limits)) {
            return;
        }
        refill();
        double share = perSecond / configuredPerSecond;
        limits = changed;
        configuredPerSecond = changed.perSecondRate();
        perSecond = configuredPerSecond * share;
        tokens = Math.min(tokens, changed.burst());
    }

    /** A rate-limit answer: halve the rate (down to a floor) and drop any saved-up burst. */
    public synchronized void slowDown() {
        refill();
        perSecond = Math.max(configuredPerSecond * FLOOR_SHARE, perSecond / 2);
        tokens = Math.min(tokens, 0);
    }

    /**
     * Takes over the adaptive rate another instance reached (a new leader continuing where the old one was slowed
     * down), within the floor and the configured rate.
     */
    public synchronized void adoptRate(double ratePerMinute) {
        refill();
        perSecond = Math.clamp(ratePerMinute / 60, configuredPerSecond * FLOOR_SHARE, configuredPerSecond);
    }

    public synchronized void recover() {
        if (perSecond < configuredPerSecond) {
            refill();
            perSecond = Math.min(configuredPerSecond, perSecond + configuredPerSecond * RECOVERY_SHARE);
        }
    }

    /** The adaptive rate in calls per minute (at most the configured one). */
    public synchronized double ratePerMinute() {
        return perSecond * 60;
    }

    /** The instants the latest calls left, newest last; as many as the largest window may need. */
    private static final class SendHistory {

        private long[] sent = new long[0];
        private int next;
        private final long longAgo;

        SendHistory(long longAgo) {
            this.longAgo = longAgo;
        }

        void record(long at) {
            if (sent.length == 0) {
                grow(64);
            }
            sent[next] = at;
            next = (next + 1) % sent.length;
        }

        /** The instant of the n-th latest call (1 = the latest); long ago when fewer were sent. */
        long nthLatest(int n) {
            if (n > sent.length) {
                grow(n);
            }
            return sent[Math.floorMod(next - n, sent.length)];
        }

        /** Grows to hold {@code size} instants, oldest first, padding with "long ago". */
        private void grow(int size) {
            long[] grown = new long[size];
            Arrays.fill(grown, longAgo);
            for (int i = 0; i < sent.length; i++) {
                grown[size - sent.length + i] = sent[(next + i) % sent.length];
            }
            sent = grown;
            next = 0;
        }
    }
}
