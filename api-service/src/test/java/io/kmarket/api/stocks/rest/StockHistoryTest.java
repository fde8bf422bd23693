package io.kmarket.api.stocks.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.api.SeededMarket;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a code was called on a day, read by the API's SELECT-only role. Kakao's real history: 다음카카오 on KOSDAQ,
 * renamed 카카오 in September 2015, moved to KOSPI in July 2017.
 */
@QuarkusTest
class StockHistoryTest {

    @BeforeAll
    static void seed() throws SQLException {
        SeededMarket.ensureSeeded();
        try (Connection db = KmarketTestDatabase.shared().connectAsSuperuser(); Statement st = db.createStatement()) {
            st.execute("""
                    INSERT INTO market.stock_master_history (code, valid_from, valid_to, name_ko, market, isin, source)
                    VALUES ('035720', '2014-10-14', '2015-09-22', '다음카카오', 'KSQ', 'KR7035720002', 'DAILY_MARKET'),
                           ('035720', '2015-09-23', '2017-07-07', '카카오', 'KSQ', 'KR7035720002', 'DAILY_MARKET'),
                           ('035720', '2017-07-10', '2026-01-25', '카카오', 'STK', 'KR7035720002', 'LISTINGS')
                    ON CONFLICT DO NOTHING""");
        }
    }

    @Test
    void theHistoryListsEveryPeriodOldestFirstAndTheLastOneStandsOpen() {
        given().when().get("/api/v1/stocks/035720/history").then().statusCode(200)
                .body("code", equalTo("035720"))
                .body("periods.nameKo", equalTo(List.of("다음카카오", "카카오", "카카오")))
                .body("periods.market", equalTo(List.of("KSQ", "KSQ", "STK")))
                .body("periods.validFrom", equalTo(List.of("2014-10-14", "2015-09-23", "2017-07-10")))
                // Each period stands until the day before the next was first seen (the weekend 8-9 July 2017 too).
                .body("periods[0].validTo", equalTo("2015-09-22"))
                .body("periods[1].validTo", equalTo("2017-07-09"))
                .body("periods[1].lastSeen", equalTo("2017-07-07"))
                .body("periods[2].validTo", nullValue())
                .body("periods[2].isin", equalTo("KR7035720002"));
    }

    @Test
    void asOfAnswersWhatTheCodeWasCalledOnThatDay() {
        given().queryParam("asOf", "2015-01-02").when().get("/api/v1/stocks/035720/history").then().statusCode(200)
                .body("periods.nameKo", equalTo(List.of("다음카카오"))).body("periods[0].market", equalTo("KSQ"));
        given().queryParam("asOf", "2017-07-08").when().get("/api/v1/stocks/035720/history").then().statusCode(200)
                .body("periods.nameKo", equalTo(List.of("카카오"))).body("periods[0].market", equalTo("KSQ"));
        given().queryParam("asOf", "2030-01-02").when().get("/api/v1/stocks/035720/history").then().statusCode(200)
                .body("periods[0].market", equalTo("STK"));
    }

    @Test
    void aDayBeforeAnyRecordIs404AndSoIsAnUnknownCode() {
        given().queryParam("asOf", "2014-10-13").when().get("/api/v1/stocks/035720/history").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no record of stock 035720 on 2014-10-13"));
        given().when().get("/api/v1/stocks/999999/history").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("no stock with code 999999"));
        given().queryParam("asOf", "2020-01-02").when().get("/api/v1/stocks/999999/history").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aKnownStockWithoutRecordedHistoryHasNoPeriodsAndNoRecordOnAnyDay() {
        given().when().get("/api/v1/stocks/" + SeededMarket.SAMSUNG + "/history").then().statusCode(200)
                .body("periods", empty());
        given().queryParam("asOf", "2024-01-02").when().get("/api/v1/stocks/" + SeededMarket.SAMSUNG + "/history")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBadDayIs400NamingAsOf() {
        given().queryParam("asOf", "2024-02-30").when().get("/api/v1/stocks/035720/history").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("asOf"));
    }
}
