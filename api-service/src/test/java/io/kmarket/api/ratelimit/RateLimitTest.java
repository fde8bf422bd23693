package io.kmarket.api.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the optional limit on, a client past its quota gets 429 with Retry-After; other clients go on. */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmarket.api.rate-limit.enabled", "true",
                    "kmarket.api.rate-limit.requests", "5",
                    "kmarket.api.rate-limit.window", "PT1H",
                    "kmarket.api.rate-limit.client-header", "X-Api-Key");
        }
    }

    @Test
    void theSixthRequestOfAClientIsRefusedWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Api-Key", "client-a").get("/api/v1/indices").then().statusCode(200);
        }
        var refused = given().header("X-Api-Key", "client-a").get("/api/v1/indices");
        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        given().header("X-Api-Key", "client-b").get("/api/v1/indices").then().statusCode(200);
        // Operator endpoints are not limited.
        given().header("X-Api-Key", "client-a").get("/q/health/live").then().statusCode(200);
    }
}
