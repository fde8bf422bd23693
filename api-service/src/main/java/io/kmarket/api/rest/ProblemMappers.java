package io.kmarket.api.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a problem document; unexpected ones are logged here and never echoed. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response mapBadParameter(BadParameterException e, UriInfo uri) {
        return Problem.builder(400, "Bad Request", e.getMessage(), uri.getPath(), e.parameter()).build();
    }

    @ServerExceptionMapper
    public Response mapNotFound(ResourceNotFoundException e, UriInfo uri) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage(), uri.getPath());
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
