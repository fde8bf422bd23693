package io.kmarket.api.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Operator-facing settings of the public API (application.properties section "api-service: public API"). */
@ConfigMapping(prefix = "kmarket.api")
public interface ApiConfig {

    /** Longest from..to range a single request may ask for, in days. */
    @WithDefault("3700")
    int maxSpanDays();

    /** How long clients and proxies may reuse prices and indicators; they change once a day. */
    @WithDefault("PT10M")
    Duration cacheMaxAge();

    RateLimit rateLimit();

    Ml ml();

    interface RateLimit {

        @WithDefault("false")
        boolean enabled();

        /** Requests one client may make per window. */
        @WithDefault("600")
        int requests();

        @WithDefault("PT1M")
        Duration window();

        /** Header naming the client (e.g. an API key set by a gateway); the remote address when absent. */
        Optional<String> clientHeader();
    }

    interface Ml {

        /** Seconds a client is told to wait when ml-service is unavailable (about the circuit breaker's delay). */
        @WithDefault("5")
        int retryAfterSeconds();
    }
}
