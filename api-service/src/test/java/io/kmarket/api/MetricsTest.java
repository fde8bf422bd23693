package io.kmarket.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Request metrics are per route template and status, with a latency histogram; raw paths never become tags. */
@QuarkusTest
class MetricsTest {

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
    }

    @Test
    void requestsAreCountedPerRouteTemplateWithHistogramBuckets() {
        given().get("/api/v1/stocks/005930/prices").then().statusCode(200);
        given().get("/api/v1/stocks/000660/prices").then().statusCode(200);
        given().get("/api/v1/stocks/999995/prices").then().statusCode(404);
        given().get("/api/v1/stocks/bad/prices").then().statusCode(400);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String route = "uri=\"/api/v1/stocks/{code}/prices\"";
        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains(route) && l.contains("status=\"200\""))).isNotEmpty();
        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains(route) && l.contains("status=\"404\""))).isNotEmpty();
        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket")
                && l.contains(route))).isNotEmpty();
        assertThat(metrics).doesNotContain("uri=\"/api/v1/stocks/005930/prices\"")
                .doesNotContain("uri=\"/api/v1/stocks/bad/prices\"");
    }
}
