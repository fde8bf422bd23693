package io.kmarket.ml.reports.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The report worker pool (env KMARKET_REPORTS_WORKERS, KMARKET_REPORTS_QUEUE_CAPACITY, KMARKET_REPORTS_RETRY_AFTER). */
@ConfigMapping(prefix = "kmarket.reports")
public interface ReportsConfig {

    /** Reports generated at the same time. */
    @WithDefault("2")
    int workers();

    /** Reports accepted but not finished (running + waiting) before new requests get 429. */
    @WithDefault("32")
    int queueCapacity();

    /** Seconds a client told 429 should wait before asking again. */
    @WithDefault("5")
    int retryAfter();
}
