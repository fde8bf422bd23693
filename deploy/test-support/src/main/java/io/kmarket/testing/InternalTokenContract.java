package io.kmarket.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * The internal endpoints of a service that has them answer only callers with the shared service token.
 * The test profile of such a service sets the token to {@link #TEST_TOKEN}.
 */
public abstract class InternalTokenContract {

    public static final String TEST_TOKEN = "test-internal-token";
    public static final String HEADER = "X-Internal-Token";

    /** The application name the service reports on {@code /internal/status}. */
    protected abstract String serviceName();

    @Test
    void withoutTokenAnInternalEndpointAnswers401Problem() {
        given().when().get("/internal/status")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void withAWrongTokenAnInternalEndpointAnswers401() {
        given().header(HEADER, TEST_TOKEN + "x").when().get("/internal/status")
                .then().statusCode(401);
    }

    @Test
    void anUnknownInternalPathAnswers401NotRevealingRoutes() {
        given().when().get("/internal/does-not-exist")
                .then().statusCode(401);
    }

    @Test
    void withTheTokenAnInternalEndpointAnswers() {
        given().header(HEADER, TEST_TOKEN).when().get("/internal/status")
                .then().statusCode(200)
                .body("service", equalTo(serviceName()));
    }

    @Test
    void publicEndpointsNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
