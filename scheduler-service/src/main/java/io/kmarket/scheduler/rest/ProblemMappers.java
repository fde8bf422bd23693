package io.kmarket.scheduler.rest;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.kmarket.kit.db.DatabaseUnavailability;
import io.kmarket.scheduler.config.DatabaseConfig;

/** Turns every failure into a problem document; unexpected ones are logged here and never echoed. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final int databaseRetryAfter;

    ProblemMappers(DatabaseConfig config) {
        this.databaseRetryAfter = config.retryAfterSeconds();
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        Optional<SQLException> unavailable = DatabaseUnavailability.causeOf(e);
        if (unavailable.isPresent()) {
            // Without a stack trace: during an outage every request fails the same way, and the cause says it.
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), unavailable.get().toString());
            return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    "the database is unavailable, retry later", uri.getPath()))
                    .header(HttpHeaders.RETRY_AFTER, databaseRetryAfter).build();
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred", uri.getPath());
    }
}
