package io.kmarket.ml.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.kmarket.ml.config.InternalConfig;

/**
 * Guards {@code /internal/**}: only callers presenting the shared service token get through. Pre-matching,
 * so an unknown internal path answers 401 too and reveals nothing about which internal routes exist.
 */
public class InternalTokenFilter {

    public static final String HEADER = "X-Internal-Token";

    private final byte[] token;

    InternalTokenFilter(InternalConfig config) {
        this.token = config.token().getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(preMatching = true)
    public Response requireServiceToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/internal") && !path.startsWith("/internal/")) {
            return null;
        }
        String presented = request.getHeaderString(HEADER);
        // Constant-time comparison: response timing must not leak how much of a guess was right.
        if (presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return Problem.response(Response.Status.UNAUTHORIZED,
                "Internal endpoints require the service token in the " + HEADER + " header", path);
    }
}
