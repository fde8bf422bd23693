package io.kmarket.testing;

import java.sql.SQLException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;

/**
 * Test-only routes that fail the way a service's code can, each failure carrying {@link #INTERNALS} that must never
 * reach the caller. Part of every service's tests (this jar is a bean archive), never of a packaged application.
 */
@Path(ServerFaultResource.PATH)
public class ServerFaultResource {

    public static final String PATH = "/test-support/faults";
    /** Stands for what a failure knows about the service's insides: a statement, a host, a password. */
    public static final String INTERNALS = "SELECT secret FROM ops.tokens -- db.internal:5432 password=hunter2";

    /** A bug: an exception nothing expected. */
    @GET
    @Path("/unexpected")
    public String unexpected() {
        throw new IllegalStateException(INTERNALS);
    }

    /** A 5xx a resource decided on, with a message meant for the log. */
    @GET
    @Path("/bad-gateway")
    public String badGateway() {
        throw new WebApplicationException(INTERNALS, 502);
    }

    /** A query whose connection was cut by a PostgreSQL restart (SQLState 08006), wrapped as the stores wrap it. */
    @GET
    @Path("/database-down")
    public String databaseDown() {
        throw new IllegalStateException("query failed", new SQLException(INTERNALS, "08006"));
    }

    /** A query that failed for a reason of its own (SQLState 42P01, no such table): a 500, not a 503. */
    @GET
    @Path("/query-failed")
    public String queryFailed() {
        throw new IllegalStateException("query failed", new SQLException(INTERNALS, "42P01"));
    }
}
