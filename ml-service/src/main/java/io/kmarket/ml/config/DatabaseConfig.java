package io.kmarket.ml.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service answers while PostgreSQL is unreachable (env KMARKET_DB_RETRY_AFTER_SECONDS). */
@ConfigMapping(prefix = "kmarket.database")
public interface DatabaseConfig {

    /** Seconds a caller is told to wait when PostgreSQL is unreachable (about a restart's duration). */
    @WithDefault("5")
    int retryAfterSeconds();
}
