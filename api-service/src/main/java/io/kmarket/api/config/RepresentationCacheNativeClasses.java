package io.kmarket.api.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Caffeine loads the cache and node classes generated for a combination of features by name. The representation
 * cache (strong keys and values, maximum weight, expiry after write) uses these two; the native build cannot see
 * that and leaves them out unless they are registered.
 */
@RegisterForReflection(classNames = { "com.github.benmanes.caffeine.cache.SSMWW",
        "com.github.benmanes.caffeine.cache.PSWMW" })
final class RepresentationCacheNativeClasses {

    private RepresentationCacheNativeClasses() {
    }
}
