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

    RepresentationCache representationCache();

    RateLimit rateLimit();

    Ml ml();

    /** Series this instance rendered recently, answered again without a query; per instance, nothing shared. */
    interface RepresentationCache {

        /** How long a rendered series is reused; zero turns the cache off. */
        @WithDefault("PT30S")
        Duration ttl();

        /** Upper bound of the bytes held (a year of one stock's prices is about 38 KB as JSON). */
        @WithDefault("33554432")
        long maxBytes();
    }

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

        /**
         * Most clients whose counts are kept; past it the least used are forgotten (and start a fresh window), so
         * that a flood of distinct client keys costs bounded memory. About 150 bytes each.
         */
        @WithDefault("100000")
        int maxClients();
    }

    interface Ml {

        /** Seconds a client is told to wait when ml-service is unavailable (about the circuit breaker's delay). */
        @WithDefault("5")
        int retryAfterSeconds();
    }
}
