package io.kmarket.scheduler.config;

import io.smallrye.config.ConfigMapping;

/** The token shared by kmarket's services for their internal endpoints (env KMARKET_INTERNAL_TOKEN). */
@ConfigMapping(prefix = "kmarket.internal")
public interface InternalConfig {

    String token();
}
