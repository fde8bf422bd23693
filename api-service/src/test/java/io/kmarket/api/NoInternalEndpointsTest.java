package io.kmarket.api;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.kmarket.testing.InternalTokenContract;
import io.quarkus.test.junit.QuarkusTest;

/** The public API has no internal surface, even for a caller that knows the service token. */
@QuarkusTest
class NoInternalEndpointsTest {

    @Test
    void internalPathsDoNotExist() {
        given().header(InternalTokenContract.HEADER, InternalTokenContract.TEST_TOKEN)
                .when().get("/internal/status")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
