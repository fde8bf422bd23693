package io.kmarket.ml.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a problem document; unexpected ones are logged here and never echoed. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri.getPath());
    }

    /**
     * A body that is not the JSON an endpoint expects (syntax, wrong type, unparsable date) is the caller's error.
     * Names MismatchedInputException too, so this wins over Quarkus' built-in mapper, which answers plain JSON.
     */
    @ServerExceptionMapper({ MismatchedInputException.class, JsonProcessingException.class })
    public Response mapUnreadableJson(JsonProcessingException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, "unreadable JSON body: " + e.getOriginalMessage(),
                uri.getPath());
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred", uri.getPath());
    }
}
