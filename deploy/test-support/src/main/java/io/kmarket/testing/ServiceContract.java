package io.kmarket.testing;

import static io.kmarket.testing.InternalToken.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * What every kmarket application answers when a request goes wrong, whichever route it reaches: an
 * {@code application/problem+json} document. A 4xx says what was wrong (the body, the route, the method, the token);
 * a 5xx says nothing of the service's internals; a database that cannot be reached is a 503 with Retry-After.
 * An application's test extends this and adds {@code @QuarkusTest}; its {@code @QuarkusIntegrationTest} extends that
 * test and runs every check but the {@link #IN_PROCESS} ones against the packaged application.
 */
public abstract class ServiceContract {

    /** Checks that need {@link ServerFaultResource}, which only a test run serves (failsafe excludes them). */
    public static final String IN_PROCESS = "in-process";
    private static final String PROBLEM = "application/problem+json";
    private static final String NEUTRAL = "An unexpected error occurred";

    private final String jsonRoute;
    private final Optional<String> internalService;

    /**
     * For an application with internal endpoints: {@code jsonRoute} reads a JSON body on POST and answers no DELETE,
     * {@code internalService} is the name {@code /internal/status} reports.
     */
    protected ServiceContract(String jsonRoute, String internalService) {
        this.jsonRoute = jsonRoute;
        this.internalService = Optional.of(internalService);
    }

    /** For an application without internal endpoints (api-service, the sandbox): its {@code /internal/**} is 404. */
    protected ServiceContract(String jsonRoute) {
        this.jsonRoute = jsonRoute;
        this.internalService = Optional.empty();
    }

    @Test
    void aMalformedJsonBodyIs400ProblemNamingTheBody() {
        problem(withToken().contentType(ContentType.JSON).body("{\"date\":").when().post(jsonRoute).then(), 400)
                .body("parameter", equalTo("body"))
                .body("instance", equalTo(jsonRoute));
    }

    @Test
    void anUnknownRouteIs404ProblemNamingThePath() {
        problem(withToken().when().get("/no-such-route").then(), 404)
                .body("detail", containsString("/no-such-route"));
    }

    @Test
    void aWrongMethodIs405ProblemNamingTheMethod() {
        problem(withToken().when().delete(jsonRoute).then(), 405)
                .body("detail", containsString("DELETE"));
    }

    /** RFC 9110: a 405 lists the methods the target is served with, and each of them is indeed served there. */
    @Test
    void aWrongMethodIs405WithAllowNamingTheMethodsServed() {
        String allow = withToken().when().delete(jsonRoute).then().statusCode(405).extract().header("Allow");
        assertThat("Allow of DELETE " + jsonRoute, allow, notNullValue());
        List<String> methods = Arrays.stream(allow.split(",")).map(String::strip).toList();
        assertThat("Allow of DELETE " + jsonRoute, methods,
                allOf(hasItems("POST", "OPTIONS"), not(hasItem("DELETE"))));
        for (String method : methods) {
            // A malformed body, so that a method that reads one changes nothing and answers 400.
            int status = withToken().contentType(ContentType.JSON).body("{").when().request(method, jsonRoute)
                    .then().extract().statusCode();
            assertThat(method + " " + jsonRoute + ", listed in Allow", status, not(anyOf(equalTo(404), equalTo(405))));
        }
    }

    @Test
    @Tag(IN_PROCESS)
    void anUnexpectedFailureIs500ProblemWithoutInternals() {
        serverFault("/unexpected", 500).body("detail", equalTo(NEUTRAL));
    }

    @Test
    @Tag(IN_PROCESS)
    void aServerErrorAResourceRaisedKeepsItsStatusButNotItsMessage() {
        serverFault("/bad-gateway", 502).body("detail", equalTo(NEUTRAL));
    }

    @Test
    @Tag(IN_PROCESS)
    void anUnreachableDatabaseIs503ProblemWithRetryAfterAndWithoutInternals() {
        serverFault("/database-down", 503).header("Retry-After", notNullValue());
    }

    @Test
    @Tag(IN_PROCESS)
    void aQueryThatFailedOnItsOwnIs500NotUnavailability() {
        serverFault("/query-failed", 500).body("detail", equalTo(NEUTRAL)).header("Retry-After", nullValue());
    }

    @Test
    void internalRoutesAnswerOnlyWithTheToken() {
        if (internalService.isEmpty()) {
            // No internal surface to guard: even a caller with the token finds nothing there.
            problem(withToken().when().get("/internal/status").then(), 404);
            return;
        }
        problem(given().when().get("/internal/status").then(), 401)
                .body("parameter", equalTo(InternalToken.HEADER));
        problem(given().header(InternalToken.HEADER, InternalToken.TEST_TOKEN + "x").when().get("/internal/status")
                .then(), 401);
        // An unknown internal path answers the same, so routes are not revealed to a caller without the token.
        problem(given().when().get("/internal/does-not-exist").then(), 401);
        withToken().when().get("/internal/status")
                .then().statusCode(200)
                .body("service", equalTo(internalService.get()));
    }

    @Test
    void publicRoutesNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
    }

    /** A test-only failure's answer: a problem of {@code status} in which nothing of the failure's text appears. */
    private static ValidatableResponse serverFault(String fault, int status) {
        return problem(given().when().get(ServerFaultResource.PATH + fault).then(), status)
                .body(not(containsString(ServerFaultResource.INTERNALS)));
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(PROBLEM)
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }
}
