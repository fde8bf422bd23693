package io.kmarket.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.api.shared.Cursor;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing that shapes an answer lives in the instance: data are read from the database (the representation cache,
 * off in these tests, only delays a change by its TTL: RepresentationCacheTest), cursors carry their position, and
 * ETags are digests of the data. So any instance answers any request alike.
 */
@QuarkusTest
class StatelessnessTest {

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
    }

    @Test
    void aChangeInTheDatabaseIsServedAtOnceWithANewEtag() throws SQLException {
        LocalDate day = SeededMarket.tradingDays(SeededMarket.TODAY.minusDays(30), SeededMarket.TODAY).getFirst();
        String path = "/api/v1/stocks/005930/prices?from=" + day + "&to=" + day;
        String before = given().when().get(path).then().statusCode(200)
                .body("prices[0].close", equalTo((int) SeededMarket.close(day))).extract().header("ETag");
        SeededMarket.setClose(day, 1);
        try {
            String after = given().header("If-None-Match", before).when().get(path)
                    .then().statusCode(200).body("prices[0].close", equalTo(1)).extract().header("ETag");
            assertThat(after).isNotEqualTo(before);
        } finally {
            SeededMarket.setClose(day, SeededMarket.close(day));
        }
        given().header("If-None-Match", before).when().get(path).then().statusCode(304);
    }

    @Test
    void aCursorIsSelfContainedSoAnyInstanceCanContinueTheListing() {
        // A cursor built from its documented content alone (no earlier request) continues after that code.
        String cursor = Cursor.encode("stock", "299999");
        List<String> codes = given().queryParam("cursor", cursor).queryParam("limit", 3)
                .when().get("/api/v1/stocks").then().statusCode(200).extract().jsonPath().getList("items.code");
        assertThat(codes).containsExactly(SeededMarket.generatedCode(0), SeededMarket.generatedCode(1),
                SeededMarket.generatedCode(2));
    }

    @Test
    void repeatedRequestsAnswerByteForByteTheSame() {
        String first = given().when().get("/api/v1/stocks/005930/indicators").then().extract().asString();
        String second = given().when().get("/api/v1/stocks/005930/indicators").then().extract().asString();
        assertThat(second).isEqualTo(first);
    }
}
