package io.kmarket.ml;

import static io.kmarket.testing.DatabaseRestarts.assertUnavailableWhileDown;
import static io.kmarket.testing.DatabaseRestarts.fillPool;
import static io.kmarket.testing.DatabaseRestarts.millisUntil;
import static io.kmarket.testing.DatabaseRestarts.restartAndTimeUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.kmarket.testing.DatabaseRestarts;
import io.kmarket.testing.DatabaseRestarts.InternalCall;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The run's PostgreSQL stopped and started under a running ml-service: while it is down readiness is DOWN and every
 * internal route that needs the database answers 503 problem+json with Retry-After (the scheduler and api-service
 * retry those; a 500 would read as a broken request), and after each of ten restarts the service is ready again
 * within 10 s.
 */
@QuarkusTest
class DatabaseRestartTest {

    private static final Logger LOG = Logger.getLogger(DatabaseRestartTest.class);
    private static final String NO_SUCH_ID = "00000000-0000-0000-0000-00000000d0d0";
    private static final int POOL_MAX = 20;

    private static final List<InternalCall> DATA_ROUTES = List.of(
            new InternalCall("GET", "/internal/runs/" + NO_SUCH_ID, null, true),
            new InternalCall("GET", "/internal/reports/" + NO_SUCH_ID, null, true),
            new InternalCall("GET", "/internal/reports/" + NO_SUCH_ID + "/html", null, true),
            new InternalCall("POST", "/internal/reports", "{\"code\":\"ZZZ999\"}", true),
            new InternalCall("POST", "/internal/indicators/compute", "{\"date\":\"2025-01-02\"}", false),
            new InternalCall("POST", "/internal/predictions/train", "{\"from\":\"2024-01-02\",\"to\":\"2024-12-30\"}",
                    false),
            new InternalCall("POST", "/internal/predictions/predict", "{\"date\":\"2025-01-02\"}", false),
            new InternalCall("POST", "/internal/predictions/evaluate", "{\"date\":\"2025-01-02\"}", false));

    private final KmarketTestDatabase database = KmarketTestDatabase.shared();

    @Inject
    AgroalDataSource pool;

    @AfterEach
    void databaseBack() {
        database.start();
    }

    @Test
    void everyDataRouteAnswers503WithRetryAfterWhilePostgresqlIsDown() throws SQLException {
        assertUnavailableWhileDown(database, pool, POOL_MAX, DATA_ROUTES, "5");
    }

    @Test
    void readyAgainWithinTenSecondsAfterEachOfTenRestarts() throws SQLException {
        List<Long> readyAfterMillis = new ArrayList<>();
        for (int restart = 0; restart < 10; restart++) {
            millisUntil(DatabaseRestarts::ready, "ml-service ready before restart " + (restart + 1));
            fillPool(pool, POOL_MAX);
            readyAfterMillis.add(restartAndTimeUntil(database, DatabaseRestarts::ready,
                    "ml-service ready after restart " + (restart + 1)));
        }
        LOG.infof("ml-service ready after each PostgreSQL restart (ms): %s", readyAfterMillis);
        assertThat(readyAfterMillis).hasSize(10).allSatisfy(ms -> assertThat(ms).isLessThan(10_000L));
    }
}
