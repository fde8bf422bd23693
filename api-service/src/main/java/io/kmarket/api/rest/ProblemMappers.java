package io.kmarket.api.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.kmarket.api.config.ApiConfig;
import io.kmarket.kit.jdbc.DatabaseUnavailableException;

/** Turns every failure into a problem document; unexpected ones are logged here and never echoed. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final int databaseRetryAfter;

    ProblemMappers(ApiConfig config) {
        this.databaseRetryAfter = config.database().retryAfterSeconds();
    }

    @ServerExceptionMapper
    public Response mapBadParameter(BadParameterException e, UriInfo uri) {
        return Problem.builder(400, "Bad Request", e.getMessage(), uri.getPath(), e.parameter()).build();
    }

    @ServerExceptionMapper
    public Response mapNotFound(ResourceNotFoundException e, UriInfo uri) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage(), uri.getPath());
    }

    /** Logged without a stack trace: during an outage every request fails the same way, and the cause says it. */
    @ServerExceptionMapper
    public Response mapDatabaseUnavailable(DatabaseUnavailableException e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.getCause().toString());
        return Problem.builder(503, "Service Unavailable", "the database is unavailable, retry later", uri.getPath(),
                null).header(HttpHeaders.RETRY_AFTER, databaseRetryAfter).build();
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.errorf(e, "Server error on %s", uri.getPath());
            return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred", uri.getPath());
        }
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred", uri.getPath());
    }
}
