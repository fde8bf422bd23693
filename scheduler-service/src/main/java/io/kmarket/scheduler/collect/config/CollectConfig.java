package io.kmarket.scheduler.collect.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The collection engine's limits (env KMARKET_COLLECT_...). Per-site limits live in ops.site_config, not here. */
@ConfigMapping(prefix = "kmarket.collect")
public interface CollectConfig {

    /** Requests in flight across every site at once. */
    @WithDefault("10")
    int globalConcurrency();

    /** How long a read of ops.sites/ops.site_config is trusted before it is read again. */
    @WithDefault("PT15S")
    Duration siteRefresh();

    /**
     * A site gets at most max(burst, its calls per second) calls within any 1 s + this margin (TokenBucket), so
     * that calls leaving a few ms late cannot put one too many into an upstream's 1-second window. At a site's
     * exact per-second limit it costs the same share of throughput (PT0.03S: 3 %).
     */
    @WithDefault("PT0.03S")
    Duration rateWindowMargin();

    /** Multiplies every retry preset's delays; tests shrink it, operators never need to. */
    @WithDefault("1.0")
    double retryDelayScale();

    Circuit circuit();

    interface Circuit {
        /** Consecutive failed requests that open a site's circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** Cool-down before an open circuit lets a probe through. */
        @WithDefault("PT60S")
        Duration delay();
    }
}
