package io.kmarket.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The shared service token as the test profiles of the services set it, and calls that present it. */
public final class InternalToken {

    public static final String HEADER = "X-Internal-Token";
    public static final String TEST_TOKEN = "test-internal-token";

    private InternalToken() {
    }

    /** A request as a peer service makes it: with the token. */
    public static RequestSpecification withToken() {
        return given().header(HEADER, TEST_TOKEN);
    }
}
