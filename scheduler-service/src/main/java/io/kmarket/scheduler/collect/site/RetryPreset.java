package io.kmarket.scheduler.collect.site;

/** The retry presets a site may choose in ops.site_config.retry_preset. */
public enum RetryPreset {
    QUICK(2, 500, 1.5),
    STANDARD(3, 1_000, 2.0),
    PERSISTENT(5, 2_000, 2.0);

    private final int attempts;
    private final long firstDelayMs;
    private final double factor;

    RetryPreset(int attempts, long firstDelayMs, double factor) {
        this.attempts = attempts;
        this.firstDelayMs = firstDelayMs;
        this.factor = factor;
    }

    public int attempts() {
        return attempts;
    }

    /** Delay before retry number {@code retry} (0-based), before jitter. */
    public long delayMs(int retry) {
        return Math.round(firstDelayMs * Math.pow(factor, retry));
    }
}
