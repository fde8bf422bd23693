package io.kmarket.api.ratelimit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.kmarket.api.config.ApiConfig;
import io.kmarket.kit.problem.Problem;
import io.vertx.core.http.HttpServerRequest;

/** The optional per-client limit on /api: 429 with Retry-After once a client used up its window. */
public class RateLimitFilter {

    private final ApiConfig.RateLimit config;
    private final ClientRateLimiter limiter;

    RateLimitFilter(ApiConfig config, ClientRateLimiter limiter) {
        this.config = config.rateLimit();
        this.limiter = limiter;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!config.enabled() || !context.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        long waitSeconds = limiter.acquire(clientOf(context, request));
        if (waitSeconds == 0) {
            return null;
        }
        return Problem.builder(429, "Too Many Requests", "rate limit of " + config.requests() + " requests per "
                + config.window().toSeconds() + " s exceeded", context.getUriInfo().getPath(), null)
                .header(HttpHeaders.RETRY_AFTER, waitSeconds)
                .build();
    }

    private String clientOf(ContainerRequestContext context, HttpServerRequest request) {
        String header = config.clientHeader().map(context::getHeaderString).orElse(null);
        if (header != null && !header.isBlank()) {
            return "h:" + header;
        }
        return "a:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }
}
