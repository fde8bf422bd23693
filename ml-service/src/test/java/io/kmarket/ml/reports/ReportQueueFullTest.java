package io.kmarket.ml.reports;

import static io.kmarket.ml.support.InternalApi.internal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kmarket.ml.support.MarketSeed;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With no room left in the report pool, a new request is told when to retry; a pending one keeps its id. */
@QuarkusTest
@TestProfile(ReportQueueFullTest.NoRoom.class)
class ReportQueueFullTest {

    public static class NoRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmarket.reports.queue-capacity", "0", "kmarket.reports.retry-after", "7");
        }
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws SQLException {
        MarketSeed.stock("RQF001", "가득", "Full Co");

        internal().body("{\"code\":\"RQF001\"}").post("/internal/reports")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "7")
                .body("status", equalTo(429)).body("detail", containsString("retry after 7"));
    }

    @Test
    void aPendingRequestIsStillAnsweredWithItsIdWhenTheQueueIsFull() throws SQLException {
        MarketSeed.stock("RQF002", "대기", "Waiting Co");
        UUID pending = UUID.randomUUID();
        MarketSeed.execute("INSERT INTO analytics.reports (id, code, as_of, status) VALUES ('" + pending
                + "', 'RQF002', '2024-01-05', 'pending')");

        internal().body("{\"code\":\"RQF002\",\"asOf\":\"2024-01-05\"}").post("/internal/reports")
                .then().statusCode(202).body("id", equalTo(pending.toString()));
    }
}
