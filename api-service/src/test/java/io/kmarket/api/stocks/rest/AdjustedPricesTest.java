package io.kmarket.api.stocks.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.api.SeededActions;
import io.kmarket.api.SeededMarket;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@QuarkusTest
class AdjustedPricesTest {

    /** The answers of the unadjusted route before adjust existed, written down by hand from the seeded rows. */
    private static final String PLAIN_JSON = "{\"code\":\"160040\",\"from\":\"2021-03-03\",\"to\":\"2021-03-05\",\"prices\":["
            + "{\"date\":\"2021-03-03\",\"open\":1000,\"high\":1100,\"low\":900,\"close\":1050,\"volume\":12345,"
            + "\"tradingValue\":12962250,\"marketCap\":3000000000000},"
            + "{\"date\":\"2021-03-04\",\"open\":1050,\"high\":1060,\"low\":1000,\"close\":1010,\"volume\":0,"
            + "\"tradingValue\":0,\"marketCap\":null},"
            + "{\"date\":\"2021-03-05\",\"open\":1010,\"high\":1200,\"low\":1010,\"close\":1190,\"volume\":987654321,"
            + "\"tradingValue\":1175308641990,\"marketCap\":3400000000000}]}";
    private static final String PLAIN_CSV = "date,open,high,low,close,volume,trading_value,market_cap\r\n"
            + "2021-03-03,1000,1100,900,1050,12345,12962250,3000000000000\r\n"
            + "2021-03-04,1050,1060,1000,1010,0,0,\r\n"
            + "2021-03-05,1010,1200,1010,1190,987654321,1175308641990,3400000000000\r\n";

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
        SeededActions.ensureSeeded();
    }

    @Test
    void withoutAdjustOrWithNoneTheAnswerIsByteForByteTheUnadjustedOne() {
        for (String adjust : new String[] { null, "none" }) {
            Response json = plainPrices(adjust, "application/json");
            assertThat(json.asByteArray()).isEqualTo(PLAIN_JSON.getBytes(StandardCharsets.UTF_8));
            assertThat(json.header("ETag")).isEqualTo(etagOf(PLAIN_JSON));
            Response csv = plainPrices(adjust, "text/csv");
            assertThat(csv.asByteArray()).isEqualTo(PLAIN_CSV.getBytes(StandardCharsets.UTF_8));
            assertThat(csv.header("ETag")).isEqualTo(etagOf(PLAIN_CSV));
            assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        }
    }

    @Test
    void splitAdjustedRowsAreTheRawOnesTimesTheFactorOfTheSplitAheadOfThem() throws Exception {
        List<JsonNode> rows = adjusted(SeededActions.SPLITTER, "split");
        List<LocalDate> days = SeededActions.weekdays(SeededActions.FIRST_DAY, SeededActions.LAST_DAY);
        assertThat(rows).hasSize(days.size());
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            JsonNode row = rows.get(i);
            assertThat(row.get("date").asText()).isEqualTo(day.toString());
            double split = expectedSplitFactor(day);
            assertRow(row, SeededActions.splitterClose(day), SeededActions.splitterVolume(day), split, split);
        }
    }

    @Test
    void totalAdjustmentDiffersFromSplitOnlyBeforeTheCashDividend() throws Exception {
        List<JsonNode> split = adjusted(SeededActions.SPLITTER, "split");
        List<JsonNode> total = adjusted(SeededActions.SPLITTER, "total");
        List<LocalDate> days = SeededActions.weekdays(SeededActions.FIRST_DAY, SeededActions.LAST_DAY);
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            double expectedTotal = expectedSplitFactor(day)
                    * (day.isBefore(SeededActions.DIVIDEND_DAY) ? SeededActions.dividendFactor() : 1);
            assertRow(total.get(i), SeededActions.splitterClose(day), SeededActions.splitterVolume(day),
                    expectedTotal, expectedSplitFactor(day));
            double ratio = total.get(i).get("close").doubleValue() / split.get(i).get("close").doubleValue();
            if (day.isBefore(SeededActions.DIVIDEND_DAY)) {
                assertThat(ratio).isCloseTo(SeededActions.dividendFactor(), within(1e-12)).isLessThan(0.99);
            } else {
                assertThat(total.get(i)).isEqualTo(split.get(i));
            }
        }
    }

    @Test
    void theAdjustedClosesHaveNoJumpAtTheSplitOrTheCapitalReductionWhereTheRawOnesDo() throws Exception {
        assertNoJumpAt(SeededActions.SPLITTER, SeededActions.SPLIT_DAY, 0.2);
        // The reduction of the delisted stock: raw prices jump ten times upward on the re-listing.
        assertNoJumpAt(SeededActions.DELISTED, SeededActions.REDUCTION_DAY, 10);
    }

    private static void assertNoJumpAt(String code, LocalDate exDate, double rawRatio) throws Exception {
        List<JsonNode> rows = adjusted(code, "split");
        JsonNode before = rowOf(rows, SeededActions.previousWeekday(exDate));
        JsonNode on = rowOf(rows, exDate);
        double raw = on.get("close").doubleValue() / on.get("adjustmentFactor").doubleValue()
                / (before.get("close").doubleValue() / before.get("adjustmentFactor").doubleValue());
        assertThat(raw).isCloseTo(rawRatio, within(0.01 * rawRatio));
        assertThat(on.get("close").doubleValue() / before.get("close").doubleValue()).isCloseTo(1, within(0.02));
    }

    @Test
    void adjustedCsvHasTheAdjustmentFactorColumn() {
        String csv = given().accept("text/csv").queryParam("from", "2021-01-28").queryParam("to", "2021-02-01")
                .queryParam("adjust", "split").when().get("/api/v1/stocks/" + SeededActions.SPLITTER + "/prices")
                .then().statusCode(200).contentType("text/csv;charset=UTF-8").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("date,open,high,low,close,volume,trading_value,market_cap,adjustment_factor");
        assertThat(lines).hasSize(4);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            LocalDate day = LocalDate.parse(f[0]);
            double factor = expectedSplitFactor(day);
            long close = SeededActions.splitterClose(day);
            assertThat(Double.parseDouble(f[4])).isCloseTo(close * factor, within(1e-9 * close * factor));
            assertThat(Double.parseDouble(f[5])).isCloseTo(SeededActions.splitterVolume(day) / factor,
                    within(1e-9 * SeededActions.splitterVolume(day) / factor));
            assertThat(f[6]).isEqualTo(String.valueOf(close * SeededActions.splitterVolume(day)));
            assertThat(Double.parseDouble(f[8])).isCloseTo(factor, within(1e-12));
            assertThat(f[5]).doesNotContain("E");
        }
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void anUnknownAdjustmentIsA400NamingAdjust() {
        given().queryParam("adjust", "bogus").when().get("/api/v1/stocks/" + SeededActions.SPLITTER + "/prices")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("adjust"));
        given().queryParam("adjust", "SPLIT").when().get("/api/v1/stocks/" + SeededActions.SPLITTER + "/prices")
                .then().statusCode(400).body("parameter", equalTo("adjust"));
    }

    @Test
    void anUnknownStockIs404WhateverTheAdjustment() {
        given().queryParam("adjust", "total").when().get("/api/v1/stocks/999997/prices")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theAdjustedEtagChangesWhenTheFactorsVersionDoesAndTheRawOneDoesNot() throws Exception {
        String url = "/api/v1/stocks/" + SeededActions.BUMPED + "/prices";
        String split = etag(url, "split");
        String none = etag(url, "none");
        given().header("If-None-Match", split).queryParam("from", SeededActions.FIRST_DAY.toString())
                .queryParam("to", SeededActions.LAST_DAY.toString()).queryParam("adjust", "split")
                .when().get(url).then().statusCode(304);
        try (Connection db = SeededActions.superuser(); Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE market.adjustment_versions SET version = version + 1 WHERE code = '"
                    + SeededActions.BUMPED + "'");
        }
        String bumped = etag(url, "split");
        assertThat(bumped).isNotEqualTo(split);
        assertThat(etag(url, "none")).isEqualTo(none);
        given().header("If-None-Match", split).queryParam("from", SeededActions.FIRST_DAY.toString())
                .queryParam("to", SeededActions.LAST_DAY.toString()).queryParam("adjust", "split")
                .when().get(url).then().statusCode(200);
        // A reclassified action changes the factor values too: the answer and its tag change again.
        try (Connection db = SeededActions.superuser(); Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE market.adjustment_factors SET split_factor = 0.5, total_factor = 0.5 WHERE code = '"
                    + SeededActions.BUMPED + "'");
            s.executeUpdate("UPDATE market.adjustment_versions SET version = version + 1 WHERE code = '"
                    + SeededActions.BUMPED + "'");
        }
        assertThat(etag(url, "split")).isNotEqualTo(bumped);
        assertThat(rowOf(adjusted(SeededActions.BUMPED, "split"), SeededActions.FIRST_DAY).get("adjustmentFactor")
                .doubleValue()).isEqualTo(0.5);
    }

    @Test
    void withoutTheFactorTablesAdjustedPricesAre503AndRawOnesStillServed() throws Exception {
        try (Connection db = SeededActions.superuser(); Statement s = db.createStatement()) {
            s.execute("ALTER TABLE market.adjustment_factors RENAME TO adjustment_factors_hidden");
            try {
                given().queryParam("adjust", "split").when()
                        .get("/api/v1/stocks/" + SeededActions.SPLITTER + "/prices")
                        .then().statusCode(503).contentType("application/problem+json")
                        .body("detail", equalTo("adjustment factors are not available yet"));
                given().when().get("/api/v1/stocks/" + SeededActions.SPLITTER + "/actions")
                        .then().statusCode(503).contentType("application/problem+json");
                given().queryParam("adjust", "none").when().get("/api/v1/stocks/" + SeededActions.SPLITTER + "/prices")
                        .then().statusCode(200);
            } finally {
                s.execute("ALTER TABLE market.adjustment_factors_hidden RENAME TO adjustment_factors");
            }
        }
    }

    /** The rule of the shared design applied to the seeded actions: the live share-count events after the day. */
    private static double expectedSplitFactor(LocalDate day) {
        return day.isBefore(SeededActions.SPLIT_DAY) ? SeededActions.splitFactor() : 1;
    }

    private static void assertRow(JsonNode row, long close, long volume, double priceFactor, double splitFactor) {
        assertRelative(row.get("open"), (close - 10) * priceFactor);
        assertRelative(row.get("high"), (close + 30) * priceFactor);
        assertRelative(row.get("low"), (close - 20) * priceFactor);
        assertRelative(row.get("close"), close * priceFactor);
        assertRelative(row.get("volume"), volume / splitFactor);
        assertRelative(row.get("adjustmentFactor"), priceFactor);
        assertThat(row.get("tradingValue").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(close).multiply(BigDecimal.valueOf(volume)));
        assertThat(row.get("marketCap").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(close).multiply(BigDecimal.valueOf(1_000_000)));
    }

    private static void assertRelative(JsonNode actual, double expected) {
        assertThat(actual.isNumber()).isTrue();
        assertThat(actual.doubleValue()).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }

    private static List<JsonNode> adjusted(String code, String adjust) throws Exception {
        String body = given().queryParam("from", SeededActions.FIRST_DAY.toString())
                .queryParam("to", SeededActions.LAST_DAY.toString()).queryParam("adjust", adjust)
                .when().get("/api/v1/stocks/" + code + "/prices").then().statusCode(200).extract().asString();
        JsonNode document = new ObjectMapper().readTree(body);
        assertThat(document.get("adjust").asText()).isEqualTo(adjust);
        assertThat(document.get("code").asText()).isEqualTo(code);
        List<JsonNode> rows = new ArrayList<>();
        document.get("prices").forEach(rows::add);
        return rows;
    }

    private static JsonNode rowOf(List<JsonNode> rows, LocalDate day) {
        return rows.stream().filter(r -> r.get("date").asText().equals(day.toString())).findFirst().orElseThrow();
    }

    private static String etag(String url, String adjust) {
        return given().queryParam("from", SeededActions.FIRST_DAY.toString())
                .queryParam("to", SeededActions.LAST_DAY.toString()).queryParam("adjust", adjust)
                .when().get(url).then().statusCode(200).extract().header("ETag");
    }

    private static Response plainPrices(String adjust, String accept) {
        var request = given().accept(accept).queryParam("from", "2021-03-03").queryParam("to", "2021-03-05");
        if (adjust != null) {
            request.queryParam("adjust", adjust);
        }
        return request.when().get("/api/v1/stocks/" + SeededActions.PLAIN + "/prices").then().statusCode(200)
                .extract().response();
    }

    /** The ETag as the API has always computed it: CRC-32C, CRC-32 and the length of the body, in hex. */
    private static String etagOf(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(bytes);
        return "\"%08x%08x%08x\"".formatted(castagnoli.getValue(), ieee.getValue(), bytes.length);
    }
}
