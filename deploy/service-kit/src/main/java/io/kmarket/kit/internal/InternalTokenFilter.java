package io.kmarket.kit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.kmarket.kit.problem.Problem;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;

/**
 * Guards {@code /internal/**}: only callers presenting the shared service token get through. Pre-matching,
 * so an unknown internal path answers 401 too and reveals nothing about which internal routes exist.
 * Created at start-up, so a service with internal endpoints and no token fails to start instead of at its first call.
 */
@Startup
@IfBuildProperty(name = InternalConfig.ENDPOINTS, stringValue = "true", enableIfMissing = true)
public class InternalTokenFilter {

    public static final String HEADER = "X-Internal-Token";

    private final byte[] token;

    InternalTokenFilter(InternalConfig config) {
        this.token = config.token()
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalStateException("kmarket.internal.token (KMARKET_INTERNAL_TOKEN) is not"
                        + " set: this service serves internal endpoints, which need the shared service token"))
                .getBytes(StandardCharsets.UTF_8);
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
        return Problem.builder(401, "Unauthorized",
                "Internal endpoints require the service token in the " + HEADER + " header", path, HEADER).build();
    }
}
