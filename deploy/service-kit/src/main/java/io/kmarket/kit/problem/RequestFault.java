package io.kmarket.kit.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The detail of a 4xx WebApplicationException. Resources throw theirs with a message saying what was wrong; the ones
 * Quarkus throws itself (no route, wrong method, unsupported media type) carry only "HTTP 404 Not Found", so the
 * detail then says which part of the request it was.
 */
final class RequestFault {

    private RequestFault() {
    }

    /** {@code allow} is the 405's Allow header (null for other statuses, or when none is known). */
    static String detail(WebApplicationException e, ContainerRequestContext request, String allow) {
        int status = e.getResponse().getStatus();
        String message = e.getMessage();
        boolean generic = message == null || message.isBlank() || message.startsWith("HTTP " + status);
        if (!generic) {
            return message;
        }
        String path = request.getUriInfo().getPath();
        return switch (status) {
            case 404 -> "nothing is served at " + path;
            case 405 -> request.getMethod() + " is not allowed on " + path
                    + (allow == null ? "" : "; allowed: " + allow);
            case 406 -> "none of the accepted media types (" + request.getHeaderString(HttpHeaders.ACCEPT)
                    + ") is served at " + path;
            case 415 -> "the Content-Type " + request.getHeaderString(HttpHeaders.CONTENT_TYPE)
                    + " is not accepted at " + path;
            default -> Problem.titleOf(status);
        };
    }
}
