package io.kmarket.api.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.api.SeededMarket;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the representation cache on, a series is answered from memory until its TTL ends, then read anew. */
@QuarkusTest
@TestProfile(RepresentationCacheTest.CacheOn.class)
class RepresentationCacheTest {

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmarket.api.representation-cache.ttl", "PT3S");
        }
    }

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
    }

    @Test
    void aChangeShowsOnceTheRenderedSeriesExpires() throws SQLException {
        LocalDate day = SeededMarket.tradingDays(SeededMarket.TODAY.minusDays(40), SeededMarket.TODAY).getFirst();
        long close = SeededMarket.close(day);
        String path = "/api/v1/stocks/005930/prices?from=" + day + "&to=" + day;
        String cachedTag = given().when().get(path).then().statusCode(200)
                .body("prices[0].close", equalTo((int) close)).extract().header("ETag");
        SeededMarket.setClose(day, close + 1);
        try {
            // Within the TTL the rendered bytes are reused: same body, same tag, still 304 for that tag.
            given().when().get(path).then().statusCode(200).body("prices[0].close", equalTo((int) close))
                    .header("ETag", cachedTag);
            given().header("If-None-Match", cachedTag).when().get(path).then().statusCode(304);
            // CSV is a variant of its own: rendered from the database now, so it has the new close already.
            assertThat(given().accept("text/csv").when().get(path).then().statusCode(200).extract().asString())
                    .contains(String.valueOf(close + 1));

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> given()
                    .when().get(path).then().statusCode(200).extract().jsonPath().getLong("prices[0].close") == close + 1);
            given().header("If-None-Match", cachedTag).when().get(path).then().statusCode(200);
        } finally {
            SeededMarket.setClose(day, close);
        }
    }

    @Test
    void anUnknownStockIsNotCachedAsEmpty() {
        given().when().get("/api/v1/stocks/999998/prices").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/stocks/999998/prices").then().statusCode(404);
    }
}
