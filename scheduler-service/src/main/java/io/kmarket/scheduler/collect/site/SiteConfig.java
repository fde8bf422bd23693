package io.kmarket.scheduler.collect.site;

/**
 * One row of ops.sites joined with its ops.site_config: everything the collection engine needs about a site.
 * {@code ratePerSecond} is null when the site has no per-second limit of its own (see {@link TokenBucket.Limits}).
 */
public record SiteConfig(String code, int tier, int reliability, boolean active, String accessMethod,
        int ratePerMinute, Integer ratePerSecond, int burst, int maxConcurrency, int timeoutMs,
        RetryPreset retryPreset, boolean requiresKeys, String userAgent) {

    TokenBucket.Limits limits() {
        return new TokenBucket.Limits(ratePerMinute, ratePerSecond, burst);
    }
}
