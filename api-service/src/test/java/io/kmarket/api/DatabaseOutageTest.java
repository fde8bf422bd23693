package io.kmarket.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The run's PostgreSQL stopped and started under a running api-service: while it is down every data route
 * answers 503 problem+json with Retry-After, and after each restart the service is ready again within 10 s.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageTest.class);

    /** One route of each resource and each kind of query (lists, one row, series as JSON and CSV, ops views). */
    private static final List<String> DATA_ROUTES = List.of(
            "/api/v1/stocks",
            "/api/v1/stocks?q=삼성",
            "/api/v1/stocks/005930",
            "/api/v1/stocks/005930/history",
            "/api/v1/stocks/005930/prices?from=2025-01-02&to=2025-03-31",
            "/api/v1/stocks/005930/indicators?from=2025-01-02&to=2025-03-31",
            "/api/v1/stocks/005930/prediction",
            "/api/v1/indices",
            "/api/v1/indices/1001/prices",
            "/api/v1/disclosures?code=005930",
            "/api/v1/ops/sites",
            "/api/v1/ops/jobs",
            "/api/v1/ops/backfills",
            "/api/v1/ops/completeness");
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);
    /** How often a probe asks, as `./kmarket up` does while it waits (compose and Kubernetes ask every 5 s). */
    private static final Duration PROBE_PERIOD = Duration.ofSeconds(1);
    private static final int POOL_MAX = 20;

    private final KmarketTestDatabase database = KmarketTestDatabase.shared();

    @Inject
    AgroalDataSource pool;

    @AfterEach
    void databaseBack() {
        database.start();
    }

    @Test
    void everyDataRouteAnswers503WithRetryAfterWhilePostgresqlIsDown() throws SQLException {
        for (String route : DATA_ROUTES) {
            given().get(route).then().statusCode(org.hamcrest.Matchers.lessThan(500));
        }
        fillPool();
        database.stop();
        // First over the pooled connections the stop cut, then over refused new ones.
        for (int pass = 0; pass < 2; pass++) {
            for (String route : DATA_ROUTES) {
                assertUnavailable(route, given().get(route));
            }
            String csv = "/api/v1/stocks/005930/prices?from=2025-01-02&to=2025-03-31";
            assertUnavailable(csv, given().accept("text/csv").get(csv));
        }
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);
        database.start();
        await().atMost(READY_WITHIN).pollInterval(PROBE_PERIOD).until(this::ready);
        for (String route : DATA_ROUTES) {
            given().get(route).then().statusCode(org.hamcrest.Matchers.lessThan(500));
        }
    }

    @Test
    void readyAgainWithinTenSecondsAfterEachOfTenRestarts() throws SQLException {
        List<Long> readyAfterMillis = new ArrayList<>();
        for (int restart = 0; restart < 10; restart++) {
            await().atMost(READY_WITHIN).pollInterval(PROBE_PERIOD).until(this::ready);
            fillPool();
            database.stop();
            database.start();
            long started = System.nanoTime();
            await().atMost(READY_WITHIN).pollDelay(Duration.ZERO).pollInterval(PROBE_PERIOD).until(this::ready);
            readyAfterMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        LOG.infof("api-service ready after each PostgreSQL restart (ms): %s", readyAfterMillis);
        assertThat(readyAfterMillis).hasSize(10).allSatisfy(ms -> assertThat(ms).isLessThan(READY_WITHIN.toMillis()));
    }

    /** Every connection the pool may hold, opened at once and handed back idle: what a busy instance keeps. */
    private void fillPool() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL_MAX; i++) {
                held.add(pool.getConnection());
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private boolean ready() {
        return given().get("/q/health/ready").statusCode() == 200;
    }

    private static void assertUnavailable(String route, Response response) {
        assertThat(response.statusCode()).as(route).isEqualTo(503);
        assertThat(response.contentType()).as(route).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).as(route).isEqualTo("5");
        String body = response.asString();
        assertThat(body).as(route).contains("\"status\":503").doesNotContain("Exception", "SQL", "\tat ", "postgres");
    }
}
