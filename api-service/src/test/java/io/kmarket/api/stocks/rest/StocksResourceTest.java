package io.kmarket.api.stocks.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.api.SeededActions;
import io.kmarket.api.SeededMarket;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class StocksResourceTest {

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
        // Seeded here too, whichever test class runs first: the listings below see every stock.
        SeededActions.ensureSeeded();
    }

    @Test
    void pagingThroughEveryStockReturnsEachOnceInCodeOrder() {
        List<String> expected = Stream.of(
                Stream.of(SeededMarket.SAMSUNG, SeededMarket.HYNIX, SeededMarket.KAKAO, SeededMarket.ECOPRO,
                        SeededMarket.ALNUM, SeededMarket.NO_DATA),
                SeededActions.CODES.stream(),
                IntStream.range(0, SeededMarket.GENERATED).mapToObj(SeededMarket::generatedCode))
                .flatMap(s -> s).sorted().toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 37);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/stocks").then().statusCode(200).extract().jsonPath();
            List<String> codes = page.getList("items.code");
            assertThat(codes).hasSizeLessThanOrEqualTo(37);
            seen.addAll(codes);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 36) / 37);
    }

    @Test
    void searchFindsKoreanNamesEnglishNamesAndCodePrefixes() {
        given().queryParam("q", "삼성").when().get("/api/v1/stocks")
                .then().statusCode(200).body("items.code", equalTo(List.of(SeededMarket.SAMSUNG)))
                .body("items[0].nameKo", equalTo("삼성전자")).body("nextCursor", nullValue());
        given().queryParam("q", "hynix").when().get("/api/v1/stocks")
                .then().statusCode(200).body("items.code", equalTo(List.of(SeededMarket.HYNIX)));
        given().queryParam("q", "0001a").when().get("/api/v1/stocks")
                .then().statusCode(200).body("items.code", equalTo(List.of(SeededMarket.ALNUM)));
        given().queryParam("q", "3001").queryParam("limit", 1000).when().get("/api/v1/stocks")
                .then().statusCode(200).body("items.size()", equalTo(100));
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() {
        given().queryParam("q", "%").when().get("/api/v1/stocks")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("q", "_").when().get("/api/v1/stocks")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void marketFilterKeepsOnlyThatMarket() {
        List<String> markets = given().queryParam("market", "STK").queryParam("limit", 1000)
                .when().get("/api/v1/stocks").then().statusCode(200).extract().jsonPath().getList("items.market");
        assertThat(markets).hasSize(4 + SeededActions.KOSPI_CODES.size()).containsOnly("STK");
    }

    @Test
    void profileCarriesTheLatestCloseAndTheChangeFromTheDayBefore() {
        List<LocalDate> days = SeededMarket.tradingDays(SeededMarket.FIRST_DAY, SeededMarket.TODAY);
        LocalDate last = days.getLast();
        LocalDate previous = days.get(days.size() - 2);
        long change = SeededMarket.close(last) - SeededMarket.close(previous);
        given().when().get("/api/v1/stocks/005930")
                .then().statusCode(200)
                .body("code", equalTo("005930"))
                .body("isin", equalTo("KR7005930003"))
                .body("market", equalTo("STK"))
                .body("latest.date", equalTo(last.toString()))
                .body("latest.close", equalTo((int) SeededMarket.close(last)))
                .body("latest.previousClose", equalTo((int) SeededMarket.close(previous)))
                .body("latest.change", equalTo((int) change));
    }

    @Test
    void aStockWithoutPricesHasNoLatest() {
        given().when().get("/api/v1/stocks/" + SeededMarket.NO_DATA)
                .then().statusCode(200).body("nameKo", equalTo("데이터없음")).body("latest", nullValue());
    }

    @Test
    void unknownStockIs404Problem() {
        given().when().get("/api/v1/stocks/999998")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("no stock with code 999998"));
    }

    @Test
    void theLatestPredictionComesWithItsModelsLatestEvaluations() {
        given().when().get("/api/v1/stocks/005930/prediction")
                .then().statusCode(200)
                .body("probUp", equalTo(0.625f))
                .body("predictedUp", equalTo(true))
                .body("model.id", equalTo(902))
                .body("model.algorithm", equalTo("gradient-boosting"))
                .body("model.metrics.auc", equalTo(0.56f))
                .body("evaluations.size()", equalTo(2))
                .body("evaluations.strategy", equalTo(List.of("always-up", "model")))
                .body("evaluations[1].accuracy", equalTo(0.55f))
                .body("evaluations[1].samples", equalTo(120));
    }

    @Test
    void noPredictionYetIs404AndUnknownStockToo() {
        given().when().get("/api/v1/stocks/" + SeededMarket.NO_DATA + "/prediction")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no prediction for stock 900110 yet"));
        given().when().get("/api/v1/stocks/999997/prediction")
                .then().statusCode(404).body("detail", equalTo("no stock with code 999997"));
    }
}
