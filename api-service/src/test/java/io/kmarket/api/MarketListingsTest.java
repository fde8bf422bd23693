package io.kmarket.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Indices, disclosures and the ops views. */
@QuarkusTest
class MarketListingsTest {

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
    }

    @Test
    void indicesAreListedInCodeOrder() {
        given().when().get("/api/v1/indices")
                .then().statusCode(200)
                .body("code", equalTo(List.of("1001", "2001")))
                .body("[0].nameKo", equalTo("코스피"))
                .body("[0].baseValue", equalTo(100.0f));
    }

    @Test
    void indexPricesOfTheDefaultYear() {
        List<LocalDate> days = SeededMarket.tradingDays(SeededMarket.TODAY.minusDays(60), SeededMarket.TODAY);
        LocalDate last = days.getLast();
        given().when().get("/api/v1/indices/1001/prices")
                .then().statusCode(200)
                .body("prices.size()", equalTo(days.size()))
                .body("prices[-1].date", equalTo(last.toString()))
                .body("prices[-1].close", equalTo(SeededMarket.close(last) / 100.0f));
        given().when().get("/api/v1/indices/2001/prices").then().statusCode(200).body("prices.size()", equalTo(0));
        given().when().get("/api/v1/indices/9999/prices").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/indices/10011/prices").then().statusCode(400).body("parameter", equalTo("code"));
    }

    @Test
    void closeOnlyIndexDaysServeNullOpenHighLowInJsonAndEmptyCellsInCsv() {
        given().when().get("/api/v1/indices/1001/prices?from=1981-12-01&to=1981-12-31")
                .then().statusCode(200)
                .body("prices.date", equalTo(List.of("1981-12-23", "1981-12-24")))
                .body("prices[1].open", nullValue()).body("prices[1].high", nullValue())
                .body("prices[1].low", nullValue())
                .body("prices[1].close", equalTo(131.30f)).body("prices[1].volume", equalTo(947700));
        String json = given().when().get("/api/v1/indices/1001/prices?from=1981-12-24&to=1981-12-24")
                .then().statusCode(200).extract().asString();
        assertThat(json).contains("\"open\":null,\"high\":null,\"low\":null,\"close\":131.30");
        String csv = given().accept("text/csv").when().get("/api/v1/indices/1001/prices?from=1981-12-01&to=1981-12-31")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.split("\r\n")).containsExactly("date,open,high,low,close,volume,trading_value",
                "1981-12-23,,,,131.30,1533600,9296100000", "1981-12-24,,,,131.30,947700,6118200000");
    }

    @Test
    void letterIndexCodesAreValidAndUnknownOnesAreNotFound() {
        given().when().get("/api/v1/indices/G004/prices").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/indices/g004/prices").then().statusCode(400).body("parameter", equalTo("code"));
    }

    @Test
    void disclosuresOfAStockPageNewestFirstWithoutGapsOrRepeats() {
        List<String> expected = IntStream.range(0, SeededMarket.DISCLOSURES_OF_SAMSUNG)
                .mapToObj(i -> SeededMarket.rceptNo(SeededMarket.TODAY.minusDays(i / 2), i))
                .sorted(Comparator.reverseOrder()).toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("code", "005930").queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/disclosures").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.rceptNo"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void disclosuresOfAllCompaniesIncludeUnlistedOnesAndLinkToDart() {
        String rceptNo = SeededMarket.rceptNo(SeededMarket.TODAY, 901);
        given().queryParam("from", SeededMarket.TODAY.toString()).queryParam("to", SeededMarket.TODAY.toString())
                .when().get("/api/v1/disclosures")
                .then().statusCode(200)
                .body("items.size()", equalTo(4))
                .body("items.find { it.rceptNo == '" + rceptNo + "' }.stockCode", nullValue())
                .body("items.find { it.rceptNo == '" + rceptNo + "' }.url",
                        equalTo("https://dart.fss.or.kr/dsaf001/main.do?rcpNo=" + rceptNo));
    }

    @Test
    void aCursorOfAnotherListingIsRejected() {
        String stockCursor = given().queryParam("limit", 1).when().get("/api/v1/stocks")
                .then().statusCode(200).extract().path("nextCursor");
        given().queryParam("cursor", stockCursor).when().get("/api/v1/disclosures")
                .then().statusCode(400).body("parameter", equalTo("cursor"));
    }

    @Test
    void siteHealthJoinsTheCatalogue() {
        given().when().get("/api/v1/ops/sites")
                .then().statusCode(200)
                .body("code", equalTo(List.of("DART", "KRX", "KIS", "DAUM", "NAVER")))
                .body("find { it.code == 'KRX' }.status", equalTo("degraded"))
                .body("find { it.code == 'KRX' }.consecutiveFailures", equalTo(2))
                .body("find { it.code == 'DART' }.status", equalTo("unknown"));
    }

    @Test
    void jobsShowTheLatestRunOfEachJob() {
        given().when().get("/api/v1/ops/jobs")
                .then().statusCode(200)
                .body("jobName", equalTo(List.of("daily-market", "disclosures")))
                .body("[0].status", equalTo("succeeded"))
                .body("[0].records", equalTo(2750))
                .body("[1].trigger", equalTo("manual"));
    }

    @Test
    void backfillsShowTheirProgressNewestFirst() {
        given().when().get("/api/v1/ops/backfills")
                .then().statusCode(200)
                .body("jobName", equalTo(List.of("daily-collection", "listings")))
                .body("[0].status", equalTo("running"))
                .body("[0].datesDone", equalTo(37))
                .body("[0].datesTotal", equalTo(246))
                .body("[0].from", equalTo("2025-01-02"))
                .body("[0].finishedAt", nullValue())
                .body("[1].status", equalTo("done"));
    }
}
