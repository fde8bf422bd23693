package io.kmarket.kit.internal;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The token shared by kmarket's services for their internal endpoints (env KMARKET_INTERNAL_TOKEN), and whether this
 * service serves any. Optional because the sandbox has neither; a service that serves internal endpoints refuses to
 * start without it ({@link InternalTokenFilter}), and outside a local run the secrets check refuses a placeholder.
 */
@ConfigMapping(prefix = "kmarket.internal")
public interface InternalConfig {

    String ENDPOINTS = "kmarket.internal.endpoints";

    Optional<String> token();

    /**
     * Read at build time: {@code false} leaves the token filter and {@code /internal/status} out of the application,
     * for a service with no internal surface (api-service, the sandbox). On unless said otherwise, so that a service
     * adding internal routes can never serve them unguarded.
     */
    @WithDefault("true")
    boolean endpoints();
}
