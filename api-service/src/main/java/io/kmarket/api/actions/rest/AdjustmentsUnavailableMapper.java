package io.kmarket.api.actions.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.kmarket.api.actions.AdjustmentsUnavailableException;
import io.kmarket.kit.problem.Problem;

/** A 503 problem rather than a 500: the factors are missing because the scheduler is older, not because of a fault. */
public class AdjustmentsUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(AdjustmentsUnavailableMapper.class);

    @ServerExceptionMapper
    public Response map(AdjustmentsUnavailableException e, ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        LOG.warnf("%s on %s: %s", e.getMessage(), path, e.getCause().getMessage());
        return Problem.response(503, "Service Unavailable", e.getMessage(), path);
    }
}
