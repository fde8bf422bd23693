package io.kmarket.sandbox.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.sandbox.SandboxApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Each chaos knob, set at runtime through POST /sandbox/chaos, on the Naver chart. */
@QuarkusTest
class ChaosTest {

    private static final String CHART = "/naver/sise.nhn?symbol=005930&timeframe=day&count=20&requestType=0";

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    @AfterEach
    void reset() {
        SandboxApi.reset();
    }

    private static void chaos(String settings) {
        given().contentType(ContentType.JSON).body("{\"naver\":" + settings + "}").post("/sandbox/chaos")
                .then().statusCode(200);
    }

    private static String settings(long latency, long jitter, double error, double timeout, double truncate,
            double malformed, double tooMany) {
        return String.format(java.util.Locale.ROOT, "{\"latencyMs\":%d,\"jitterMs\":%d,\"errorRate\":%s,\"timeoutRate\":%s,"
                + "\"truncateRate\":%s,\"malformedRate\":%s,\"tooManyRate\":%s}", latency, jitter, error, timeout,
                truncate, malformed, tooMany);
    }

    @Test
    void errorRateAnswers500() {
        chaos(settings(0, 0, 1, 0, 0, 0, 0));
        given().get(CHART).then().statusCode(500);
        assertThat(SandboxApi.stat("naver", "chaos", "error")).isEqualTo(1);
        // Other sources are untouched.
        given().queryParam("crtfc_key", SandboxApi.DART_KEY).get("/dart/api/list.json").then().statusCode(200);
    }

    @Test
    void tooManyRateAnswers429WithRetryAfter() {
        chaos(settings(0, 0, 0, 0, 0, 0, 1));
        given().get(CHART).then().statusCode(429).header("Retry-After", "1");
        assertThat(SandboxApi.stat("naver", "chaos", "tooMany")).isEqualTo(1);
        assertThat(SandboxApi.stat("naver", "violations", "rate")).isZero();
    }

    @Test
    void truncateRateCutsTheBodyInHalf() {
        byte[] whole = given().get(CHART).then().statusCode(200).extract().asByteArray();
        chaos(settings(0, 0, 0, 0, 1, 0, 0));
        byte[] cut = given().get(CHART).then().statusCode(200).extract().asByteArray();
        assertThat(cut).hasSize(whole.length / 2);
        assertThat(whole).startsWith(cut);
    }

    @Test
    void malformedRateAnswersAnHtmlPageInsteadOfData() {
        chaos(settings(0, 0, 0, 0, 0, 1, 0));
        String body = given().get(CHART).then().statusCode(200).extract().asString();
        assertThat(body).startsWith("<!DOCTYPE html>").doesNotContain("<item");
    }

    @Test
    void latencyDelaysTheAnswer() {
        chaos(settings(400, 100, 0, 0, 0, 0, 0));
        long started = System.nanoTime();
        given().get(CHART).then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void timeoutRateNeverAnswers() {
        chaos(settings(0, 0, 0, 1, 0, 0, 0));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + CHART))
                .timeout(Duration.ofMillis(800)).build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOfAny(HttpTimeoutException.class, IOException.class);
        assertThat(SandboxApi.stat("naver", "chaos", "timeout")).isEqualTo(1);
    }

    @Test
    void invalidSettingsAreAProblem() {
        given().contentType(ContentType.JSON).body("{\"naver\":" + settings(0, 0, 2, 0, 0, 0, 0) + "}")
                .post("/sandbox/chaos").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"yahoo\":" + settings(0, 0, 0, 0, 0, 0, 0) + "}")
                .post("/sandbox/chaos").then().statusCode(400).contentType("application/problem+json");
    }
}
