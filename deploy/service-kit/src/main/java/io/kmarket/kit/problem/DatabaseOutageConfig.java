package io.kmarket.kit.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a service answers while PostgreSQL is unreachable (env KMARKET_DB_RETRY_AFTER_SECONDS; api-service maps its
 * KMARKET_API_DB_RETRY_AFTER_SECONDS onto the same setting).
 */
@ConfigMapping(prefix = "kmarket.database")
public interface DatabaseOutageConfig {

    /** Seconds a caller is told to wait when PostgreSQL is unreachable (about a restart's duration). */
    @WithDefault("5")
    int retryAfterSeconds();
}
