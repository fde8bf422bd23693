package io.kmarket.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Prices and indicators: ranges, JSON and CSV, ETag, Cache-Control and 304. */
@QuarkusTest
class DailySeriesTest {

    private static final LocalDate FROM = SeededMarket.TODAY.minusDays(100);
    private static final LocalDate TO = SeededMarket.TODAY.minusDays(40);

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
    }

    @Test
    void pricesOfARangeAreEveryTradingDayOldestFirst() {
        List<LocalDate> days = SeededMarket.tradingDays(FROM, TO);
        Response response = given().queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .when().get("/api/v1/stocks/005930/prices");
        response.then().statusCode(200).contentType("application/json")
                .body("code", equalTo("005930"))
                .body("from", equalTo(FROM.toString()))
                .body("to", equalTo(TO.toString()))
                .body("prices.size()", equalTo(days.size()));
        List<String> dates = response.jsonPath().getList("prices.date");
        assertThat(dates).containsExactlyElementsOf(days.stream().map(LocalDate::toString).toList());
        LocalDate first = days.getFirst();
        response.then()
                .body("prices[0].open", equalTo((int) SeededMarket.open(first)))
                .body("prices[0].high", equalTo((int) SeededMarket.high(first)))
                .body("prices[0].low", equalTo((int) SeededMarket.low(first)))
                .body("prices[0].close", equalTo((int) SeededMarket.close(first)))
                .body("prices[0].volume", equalTo((int) SeededMarket.volume(first)));
    }

    @Test
    void theDefaultRangeIsTheLastYear() {
        List<LocalDate> days = SeededMarket.tradingDays(SeededMarket.TODAY.minusYears(1), SeededMarket.TODAY);
        given().when().get("/api/v1/stocks/005930/prices")
                .then().statusCode(200)
                .body("from", equalTo(SeededMarket.TODAY.minusYears(1).toString()))
                .body("to", equalTo(SeededMarket.TODAY.toString()))
                .body("prices.size()", equalTo(days.size()));
    }

    @Test
    void pricesAsCsvWhenAskedFor() {
        List<LocalDate> days = SeededMarket.tradingDays(FROM, TO);
        String csv = given().accept("text/csv").queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .when().get("/api/v1/stocks/005930/prices")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("date,open,high,low,close,volume,trading_value,market_cap");
        assertThat(lines).hasSize(days.size() + 1);
        LocalDate d = days.getFirst();
        long value = SeededMarket.close(d) * SeededMarket.volume(d);
        assertThat(lines.get(1)).isEqualTo(String.join(",", d.toString(), "" + SeededMarket.open(d),
                "" + SeededMarket.high(d), "" + SeededMarket.low(d), "" + SeededMarket.close(d),
                "" + SeededMarket.volume(d), "" + value, ""));
    }

    @Test
    void indicatorsAsJsonAndCsvKeepNulls() {
        List<LocalDate> days = SeededMarket.tradingDays(FROM, TO);
        LocalDate first = days.getFirst();
        given().queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .when().get("/api/v1/stocks/005930/indicators")
                .then().statusCode(200)
                .body("indicators.size()", equalTo(days.size()))
                .body("indicators[0].date", equalTo(first.toString()))
                .body("indicators[0].sma5", equalTo((float) (SeededMarket.close(first) - 10.25)))
                .body("indicators[0].sma200", equalTo(null));
        LocalDate firstOfMonth = days.stream().filter(d -> d.getDayOfMonth() == 1).findFirst().orElse(null);
        String csv = given().accept("text/csv").queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .when().get("/api/v1/stocks/005930/indicators")
                .then().statusCode(200).extract().asString();
        assertThat(csv.lines().count()).isEqualTo(days.size() + 1);
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(17));
        if (firstOfMonth != null) {
            assertThat(csv).contains(firstOfMonth + "," + (SeededMarket.close(firstOfMonth) - 10.25) + ",,,,,,,,,");
        }
    }

    @Test
    void aConditionalRequestWithTheCurrentEtagIs304() {
        Response first = given().queryParam("from", FROM.toString()).when().get("/api/v1/stocks/005930/prices");
        first.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=600"))
                .header("Vary", equalTo("Accept"));
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        given().queryParam("from", FROM.toString()).header("If-None-Match", etag)
                .when().get("/api/v1/stocks/005930/prices")
                .then().statusCode(304).header("ETag", equalTo(etag)).header("Cache-Control", equalTo("public, max-age=600"));
        given().queryParam("from", FROM.toString()).header("If-None-Match", "\"stale\"")
                .when().get("/api/v1/stocks/005930/prices")
                .then().statusCode(200);
    }

    @Test
    void csvAndJsonHaveDifferentEtagsAndIndicatorsAre304Too() {
        String json = given().when().get("/api/v1/stocks/005930/indicators").header("ETag");
        String csv = given().accept("text/csv").when().get("/api/v1/stocks/005930/indicators").header("ETag");
        assertThat(json).isNotEqualTo(csv);
        given().accept("text/csv").header("If-None-Match", csv).when().get("/api/v1/stocks/005930/indicators")
                .then().statusCode(304);
    }

    @Test
    void aKnownStockWithoutDataInTheRangeIsAnEmptySeries() {
        given().when().get("/api/v1/stocks/" + SeededMarket.NO_DATA + "/prices")
                .then().statusCode(200).body("prices.size()", equalTo(0));
    }

    @Test
    void unknownStockSeriesAre404() {
        given().when().get("/api/v1/stocks/999996/prices").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/stocks/999996/indicators").then().statusCode(404);
    }

    @Test
    void unsupportedAcceptIs406Problem() {
        given().accept("application/xml").when().get("/api/v1/stocks/005930/prices")
                .then().statusCode(406).contentType("application/problem+json");
    }
}
