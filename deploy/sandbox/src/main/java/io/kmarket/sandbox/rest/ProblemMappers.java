package io.kmarket.sandbox.rest;

import java.time.DateTimeException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns failures of the sandbox's own endpoints into problem documents (the emulated sources answer their
 * errors in their own formats before any exception is thrown); unexpected ones are logged, never echoed.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response mapIllegalArgument(IllegalArgumentException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response mapBadDate(DateTimeException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, "not a date (expected YYYY-MM-DD): " + e.getMessage(),
                uri.getPath());
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred", uri.getPath());
    }
}
