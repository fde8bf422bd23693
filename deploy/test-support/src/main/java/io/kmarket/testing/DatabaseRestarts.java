package io.kmarket.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A service's PostgreSQL restarted under it as an operator's restart does (fast shutdown, then start): how long
 * until the service is ready again, and what its data routes answer while the database is away.
 */
public final class DatabaseRestarts {

    /** What every service promises after a PostgreSQL restart. */
    public static final Duration READY_WITHIN = Duration.ofSeconds(10);
    /** How often a probe asks, as {@code ./kmarket up} does while it waits (compose and Kubernetes ask every 5 s). */
    public static final Duration PROBE_PERIOD = Duration.ofSeconds(1);

    /** A call of a service's internal API with the test token; {@code harmless} ones change nothing when it works. */
    public record InternalCall(String method, String path, String body, boolean harmless) {

        public Response send() {
            RequestSpecification request = InternalToken.withToken();
            return body == null ? request.request(method, path)
                    : request.contentType("application/json").body(body).request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private DatabaseRestarts() {
    }

    /**
     * With the pool full of idle connections, the database stopped: every call answers 503 (see
     * {@link #assertUnavailable}), first over the pooled connections the stop cut, then over refused new ones;
     * readiness is 503, liveness 200; once the database is back the service is ready and the harmless calls work.
     */
    public static void assertUnavailableWhileDown(KmarketTestDatabase database, DataSource pool, int poolSize,
            List<InternalCall> calls, String retryAfter) throws SQLException {
        assertWorking(calls);
        fillPool(pool, poolSize);
        database.stop();
        try {
            for (int pass = 0; pass < 2; pass++) {
                for (InternalCall call : calls) {
                    assertUnavailable(call.toString(), call.send(), retryAfter);
                }
            }
            assertEquals(503, given().get("/q/health/ready").statusCode(), "readiness while the database is down");
            assertEquals(200, given().get("/q/health/live").statusCode(), "liveness while the database is down");
        } finally {
            database.start();
        }
        millisUntil(DatabaseRestarts::ready, "ready once the database is back");
        assertWorking(calls);
    }

    private static void assertWorking(List<InternalCall> calls) {
        for (InternalCall call : calls) {
            if (call.harmless()) {
                int status = call.send().statusCode();
                assertTrue(status < 500, call + " answered " + status);
            }
        }
    }

    public static boolean ready() {
        return given().get("/q/health/ready").statusCode() == 200;
    }

    /** Every connection the pool may hold, opened at once and handed back idle: what a busy instance keeps. */
    public static void fillPool(DataSource pool, int size) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(pool.getConnection());
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    /**
     * Stops and starts the database, then asks {@code condition} every probe period; returns the milliseconds from
     * the database accepting connections again until it held, and fails if it did not within {@link #READY_WITHIN}.
     */
    public static long restartAndTimeUntil(KmarketTestDatabase database, BooleanSupplier condition, String what) {
        database.stop();
        database.start();
        return millisUntil(condition, what);
    }

    /** Milliseconds until {@code condition} holds, asked at once and then every probe period, at most 10 s. */
    public static long millisUntil(BooleanSupplier condition, String what) {
        long started = System.nanoTime();
        while (true) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (elapsed >= READY_WITHIN.toMillis()) {
                fail(what + " did not hold within " + READY_WITHIN + " (waited " + elapsed + " ms)");
            }
            try {
                Thread.sleep(PROBE_PERIOD);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }

    /** A 503 problem document with Retry-After that shows nothing of the cause (no driver or SQL text). */
    public static void assertUnavailable(String route, Response response, String retryAfter) {
        assertEquals(503, response.statusCode(), route);
        assertTrue(response.contentType().startsWith("application/problem+json"),
                route + ": " + response.contentType());
        assertEquals(retryAfter, response.header("Retry-After"), route);
        String body = response.asString();
        assertTrue(body.contains("\"status\":503"), route + ": " + body);
        for (String leak : List.of("Exception", "SQL", "\tat ", "postgres", "jdbc")) {
            assertFalse(body.contains(leak), route + " shows '" + leak + "': " + body);
        }
    }
}
