package io.kmarket.kit.problem;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.kmarket.kit.db.DatabaseUnavailability;

/**
 * Turns every failure into a problem document. A 4xx says what was wrong with the request, naming the parameter or
 * body field when one is known; a 5xx says nothing about the service's internals (the detail goes to the log), and a
 * database that cannot be reached is a 503 with Retry-After rather than a 500.
 */
public class ProblemMappers {

    static final String UNEXPECTED = "An unexpected error occurred";
    static final String DATABASE_UNAVAILABLE = "the database is unavailable, retry later";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Headers of a WebApplicationException's own response that the problem keeps (the others describe its body). */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE);

    private final int databaseRetryAfter;

    ProblemMappers(DatabaseOutageConfig config) {
        this.databaseRetryAfter = config.retryAfterSeconds();
    }

    @ServerExceptionMapper
    public Response mapBadParameter(BadParameterException e, ContainerRequestContext request) {
        return Problem.builder(400, "Bad Request", e.getMessage(), path(request), e.parameter()).build();
    }

    @ServerExceptionMapper
    public Response mapNotFound(ResourceNotFoundException e, ContainerRequestContext request) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage(), path(request));
    }

    /**
     * A body that is not the JSON an endpoint expects (syntax, wrong type, unparsable date) is the caller's error.
     * Names MismatchedInputException too, so this wins over Quarkus' built-in mapper, which answers plain JSON.
     */
    @ServerExceptionMapper({ MismatchedInputException.class, JsonProcessingException.class })
    public Response mapUnreadableJson(JsonProcessingException e, ContainerRequestContext request) {
        UnreadableJson unreadable = UnreadableJson.of(e);
        return Problem.builder(400, "Bad Request", unreadable.detail(), path(request), unreadable.field()).build();
    }

    /**
     * Thrown by resources (404, 409, ...) and by Quarkus itself: no route, wrong method, unsupported media type,
     * unparsable body. Headers that tell the caller what to do next (Allow, Retry-After) are kept, and a 405 always
     * has its Allow.
     */
    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, ContainerRequestContext request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus' body reader wraps what Jackson could not parse at all (broken syntax, a truncated body).
            return mapUnreadableJson(unreadable, request);
        }
        String allow = status == 405 ? allowHeader(original, request) : null;
        String detail;
        if (status >= 500) {
            LOG.errorf(e, "Server error %d on %s %s", status, request.getMethod(), path(request));
            detail = UNEXPECTED;
        } else {
            detail = RequestFault.detail(e, request, allow);
        }
        Response.ResponseBuilder problem = Problem.builder(status, Problem.titleOf(status), detail, path(request),
                null);
        for (String header : KEPT_HEADERS) {
            List<Object> values = original.getHeaders().get(header);
            if (values != null) {
                values.forEach(value -> problem.header(header, value));
            }
        }
        if (allow != null && original.getHeaderString(HttpHeaders.ALLOW) == null) {
            problem.header(HttpHeaders.ALLOW, allow);
        }
        return problem.build();
    }

    /**
     * The Allow header a 405 must carry: the one it was thrown with, else the methods the routes serve at the path
     * (Quarkus REST throws its own 405 without one). Null when no route serves the path at all.
     */
    private static String allowHeader(Response original, ContainerRequestContext request) {
        String thrown = original.getHeaderString(HttpHeaders.ALLOW);
        if (thrown != null && !thrown.isBlank()) {
            return thrown;
        }
        Set<String> served = AllowedMethods.at(path(request));
        return served.isEmpty() ? null : String.join(", ", served);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, ContainerRequestContext request) {
        Optional<SQLException> unavailable = DatabaseUnavailability.causeOf(e);
        if (unavailable.isPresent()) {
            // Without a stack trace: during an outage every request fails the same way, and the cause says it.
            LOG.warnf("Database unavailable on %s: %s", path(request), unavailable.get().toString());
            return Problem.builder(503, "Service Unavailable", DATABASE_UNAVAILABLE, path(request), null)
                    .header(HttpHeaders.RETRY_AFTER, databaseRetryAfter).build();
        }
        LOG.errorf(e, "Unexpected failure on %s %s", request.getMethod(), path(request));
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, UNEXPECTED, path(request));
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getPath();
    }
}
