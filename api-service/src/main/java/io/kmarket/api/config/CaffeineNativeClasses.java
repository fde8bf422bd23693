package io.kmarket.api.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Caffeine loads the cache and node classes generated for a combination of features by name; the native build
 * cannot see that and leaves them out unless they are registered. The representation cache (strong keys and
 * values, maximum weight, expiry after write) uses SSMWW and PSWMW; the rate limiter's counts (maximum size,
 * expiry after write) use SSMSW and PSWMS.
 */
@RegisterForReflection(classNames = { "com.github.benmanes.caffeine.cache.SSMWW",
        "com.github.benmanes.caffeine.cache.PSWMW", "com.github.benmanes.caffeine.cache.SSMSW",
        "com.github.benmanes.caffeine.cache.PSWMS" })
final class CaffeineNativeClasses {

    private CaffeineNativeClasses() {
    }
}
