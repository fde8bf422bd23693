package io.kmarket.scheduler.collect.site;

import java.util.concurrent.ThreadLocalRandom;

import io.kmarket.scheduler.collect.fetch.RateLimitedException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Exponential backoff of a {@link RetryPreset} with ±20 % jitter, never shorter than a rate-limit answer's
 * Retry-After. Custom because SmallRye's exponential backoff takes only integer factors (QUICK uses ×1.5) and
 * cannot look at the failure.
 */
final class PresetBackoff implements CustomBackoffStrategy {

    private final RetryPreset preset;
    private final double scale;
    private int retries;

    PresetBackoff(RetryPreset preset, double scale) {
        this.preset = preset;
        this.scale = scale;
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        long delay = Math.round(preset.delayMs(retries++) * scale * jitter);
        if (failure instanceof RateLimitedException limited && limited.retryAfter() != null) {
            delay = Math.max(delay, limited.retryAfter().toMillis());
        }
        return delay;
    }
}
