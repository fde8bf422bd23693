package io.kmarket.sandbox.rest;

import java.time.DateTimeException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.kmarket.kit.problem.Problem;

/**
 * The sandbox's own 400s, beside the service kit's mappers (which answer everything else): its endpoints parse
 * their arguments with the JDK, whose exceptions then say what was wrong. The emulated sources answer their errors
 * in their own formats before any exception is thrown.
 */
public class SandboxProblemMappers {

    @ServerExceptionMapper
    public Response mapIllegalArgument(IllegalArgumentException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response mapBadDate(DateTimeException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, "not a date (expected YYYY-MM-DD): " + e.getMessage(),
                uri.getPath());
    }
}
