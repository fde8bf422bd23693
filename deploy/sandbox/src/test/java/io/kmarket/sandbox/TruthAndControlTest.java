package io.kmarket.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The ground-truth export agrees with what the sources serve; the control endpoints validate input. */
@QuarkusTest
class TruthAndControlTest {

    @BeforeEach
    @AfterEach
    void reset() {
        SandboxApi.reset();
    }

    @Test
    void truthOfADayMatchesKrx() {
        List<Map<String, Object>> truth = given().queryParam("date", "2024-06-10").get("/sandbox/truth/prices")
                .then().statusCode(200).extract().jsonPath().getList("");
        String session = SandboxApi.krxLogin("truth");
        List<Map<String, String>> krx = SandboxApi.krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT01501",
                "mktId", "ALL", "trdDd", "20240610")).then().statusCode(200).extract().jsonPath().getList("OutBlock_1");
        assertThat(truth).hasSameSizeAs(krx);
        Map<String, Object> samsung = truth.stream().filter(r -> "005930".equals(r.get("code"))).findFirst().orElseThrow();
        Map<String, String> krxSamsung = krx.stream().filter(r -> "005930".equals(r.get("ISU_SRT_CD"))).findFirst().orElseThrow();
        assertThat(((Number) samsung.get("close")).longValue())
                .isEqualTo(Long.parseLong(krxSamsung.get("TDD_CLSPRC").replace(",", "")));
        assertThat(((Number) samsung.get("volume")).longValue())
                .isEqualTo(Long.parseLong(krxSamsung.get("ACC_TRDVOL").replace(",", "")));
    }

    @Test
    void truthOnAHolidayIsEmptyAndCsvHasAHeader() {
        given().queryParam("date", "2024-02-09").get("/sandbox/truth/prices").then().statusCode(200)
                .body("size()", equalTo(0));
        String csv = given().queryParam("from", "2024-01-02").queryParam("to", "2024-01-05").queryParam("format", "csv")
                .get("/sandbox/truth/prices/005930").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.lines().toList()).hasSize(5)
                .first().isEqualTo("code,date,open,high,low,close,previousClose,volume,value,shares,marketCap,halted");
        given().get("/sandbox/truth/indices/1028?from=2024-01-02&to=2024-01-31").then().statusCode(200)
                .body("size()", equalTo(22)); // 23 weekdays minus New Year's Day
        given().get("/sandbox/truth/splits").then().statusCode(200)
                .body("find { it.code == '005930' }.date", equalTo("2018-05-04"))
                .body("find { it.code == '005930' }.ratio", equalTo(50));
    }

    @Test
    void truthOfTheKrxQuirksAgreesWithWhatKrxServes() {
        // Close-only KOSPI days: open/high/low null in the truth (empty in CSV), "-" at KRX.
        List<Map<String, Object>> early = given().get("/sandbox/truth/indices/1001?from=1981-12-21&to=1981-12-31")
                .then().statusCode(200).extract().jsonPath().getList("");
        String session = SandboxApi.krxLogin("truth-quirks");
        List<Map<String, String>> krx = SandboxApi.krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT00301",
                "indIdx", "1", "indIdx2", "001", "strtDd", "19811221", "endDd", "19811231")).then().statusCode(200)
                .extract().jsonPath().getList("output");
        assertThat(early).hasSize(8).hasSameSizeAs(krx);
        assertThat(early).allSatisfy(r -> assertThat(r).containsEntry("open", null).containsEntry("high", null)
                .containsEntry("low", null));
        assertThat(early.getLast().get("date")).isEqualTo("1981-12-30");
        assertThat(((Number) early.getLast().get("close")).doubleValue())
                .isCloseTo(Double.parseDouble(krx.getFirst().get("CLSPRC_IDX").replace(",", "")),
                        org.assertj.core.data.Offset.offset(0.001)); // JsonPath reads JSON numbers as floats
        String csv = given().get("/sandbox/truth/indices/1001?from=1981-12-30&to=1981-12-30&format=csv").then()
                .statusCode(200).extract().asString();
        assertThat(csv.lines().toList().get(1)).startsWith("1981-12-30,,,,");
        given().get("/sandbox/truth/indices").then().statusCode(200)
                .body("find { it.ticker == 'G004' }.family", equalTo("04"))
                .body("find { it.ticker == '5300' }.baseLevel", equalTo(1000.0f));
        given().get("/sandbox/truth/delisted").then().statusCode(200)
                .body("find { it.code == '900050' }.isin", equalTo("HK0000057197"));
        given().get("/sandbox/truth/delisted-securities").then().statusCode(200)
                .body("code", equalTo(List.of("06031012", "08652011", "02830031", "900120", "900230")))
                .body("find { it.code == '900120' }.kind", equalTo("NON_STOCK"));
    }

    @Test
    void badInputIsAProblemDocument() {
        given().queryParam("date", "2024-13-01").get("/sandbox/truth/prices").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/sandbox/truth/prices/NOPE00").then().statusCode(404).contentType("application/problem+json");
        given().get("/sandbox/truth/prices").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"advance\":\"soon\"}").post("/sandbox/clock").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void statsStartAtZeroAndCountRequests() {
        given().get("/sandbox/stats").then().statusCode(200).body("violations", equalTo(0));
        given().queryParam("symbol", "005930").queryParam("count", 1).get("/naver/sise.nhn").then().statusCode(200);
        given().get("/sandbox/stats").then().body("sources.naver.requests", equalTo(1));
    }
}
