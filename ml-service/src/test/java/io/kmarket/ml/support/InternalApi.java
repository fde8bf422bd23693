package io.kmarket.ml.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Calls ml-service's internal API as a peer service would: over HTTP, with the shared token. */
public final class InternalApi {

    public static final String TOKEN = "test-internal-token";

    private InternalApi() {
    }

    public static RequestSpecification internal() {
        return given().header("X-Internal-Token", TOKEN).contentType(ContentType.JSON);
    }

    /** Starts a run with {@code body} and waits until it is no longer running; returns its final state. */
    public static JsonPath runToCompletion(String path, String body) {
        String runId = internal().body(body).post(path)
                .then().statusCode(202).extract().path("runId");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"running".equals(internal().get("/internal/runs/" + runId).path("status")));
        return internal().get("/internal/runs/" + runId).then().statusCode(200).extract().jsonPath();
    }
}
