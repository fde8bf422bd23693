package io.kmarket.sandbox.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.sandbox.SandboxApi;
import io.quarkus.test.junit.QuarkusTest;

/** Daum Finance emulation compared with the samples in upstream-formats.md §5.2. */
@QuarkusTest
class DaumTest {

    private static final String REFERER = "https://finance.daum.net/quotes/A005930";

    @BeforeEach
    @AfterEach
    void reset() {
        SandboxApi.reset();
    }

    @Test
    void withoutRefererTheRequestIsRefused() {
        given().get("/daum/api/quotes/A005930").then().statusCode(403);
        given().header("Referer", "https://evil.example/").get("/daum/api/quotes/A005930").then().statusCode(403);
        assertThat(SandboxApi.stat("daum", "rejected", "missingReferer")).isEqualTo(2);
    }

    @Test
    void quoteUsesFloatsFractionsAndUnsignedChange() {
        String body = given().header("Referer", REFERER).get("/daum/api/quotes/A005930").then().statusCode(200)
                .body("symbolCode", equalTo("A005930")).body("code", equalTo("KR7005930003"))
                .body("name", equalTo("삼성전자")).body("market", equalTo("KOSPI")).body("date", equalTo("2026-01-23"))
                .extract().asString();
        assertThat(body).matches(".*\"tradePrice\":\\d+\\.0,.*").matches(".*\"accTradePrice\":\\d+\\.0,.*");
        Map<String, Object> quote = given().header("Referer", REFERER).get("/daum/api/quotes/A005930").then()
                .extract().jsonPath().getMap("");
        double change = ((Number) quote.get("changePrice")).doubleValue();
        double base = ((Number) quote.get("prevClosingPrice")).doubleValue();
        assertThat(change).isNotNegative();
        assertThat(((Number) quote.get("changeRate")).doubleValue()).isCloseTo(change / base,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(quote.get("change")).isIn("RISE", "FALL", "EVEN", "UPPER_LIMIT", "LOWER_LIMIT");
    }

    @Test
    void daysArePagedNewestFirst() {
        List<Map<String, Object>> page1 = given().header("Referer", REFERER).queryParam("page", 1).queryParam("perPage", 5)
                .get("/daum/api/quotes/A005930/days").then().statusCode(200).extract().jsonPath().getList("data");
        List<Map<String, Object>> page2 = given().header("Referer", REFERER).queryParam("page", 2).queryParam("perPage", 5)
                .get("/daum/api/quotes/A005930/days").then().statusCode(200).extract().jsonPath().getList("data");
        assertThat(page1).hasSize(5);
        assertThat(page1.getFirst().get("date")).isEqualTo("2026-01-23 00:00:00");
        assertThat((String) page1.getLast().get("date")).isGreaterThan((String) page2.getFirst().get("date"));
    }
}
