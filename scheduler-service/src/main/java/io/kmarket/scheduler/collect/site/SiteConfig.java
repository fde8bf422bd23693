package io.kmarket.scheduler.collect.site;

/** One row of ops.sites joined with its ops.site_config: everything the orchestrator needs about a site. */
public record SiteConfig(String code, int tier, int reliability, boolean active, String accessMethod,
        int ratePerMinute, int burst, int maxConcurrency, int timeoutMs, RetryPreset retryPreset,
        boolean requiresKeys, String userAgent) {
}
