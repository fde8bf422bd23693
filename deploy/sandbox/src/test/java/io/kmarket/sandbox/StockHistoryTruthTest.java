package io.kmarket.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** KRX answers an old day with the names and markets of that day, and the truth publishes every change. */
@QuarkusTest
class StockHistoryTruthTest {

    private static Map<String, String> row(String session, String mktId, String trdDd, String code) {
        List<Map<String, String>> rows = SandboxApi.krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT01501",
                "mktId", mktId, "trdDd", trdDd)).then().statusCode(200).extract().jsonPath().getList("OutBlock_1");
        return rows.stream().filter(r -> code.equals(r.get("ISU_SRT_CD"))).findFirst().orElse(null);
    }

    @Test
    void oldDaysCarryTheOldNameAndMarketAndTheTruthListsThem() {
        String session = SandboxApi.krxLogin("history");
        assertThat(row(session, "STK", "20210122", "016610")).containsEntry("ISU_ABBRV", "DB금융투자");
        assertThat(row(session, "STK", "20250314", "016610")).containsEntry("ISU_ABBRV", "DB증권");
        assertThat(row(session, "STK", "20210122", "139130")).containsEntry("ISU_ABBRV", "DGB금융지주");
        assertThat(row(session, "STK", "20210122", "030190")).isNull();
        assertThat(row(session, "KSQ", "20210122", "030190")).containsEntry("MKT_ID", "KSQ")
                .containsEntry("ISU_CD", "KR7030190003");
        assertThat(row(session, "STK", "20250314", "030190")).containsEntry("MKT_ID", "STK");

        List<Map<String, Object>> db = given().queryParam("code", "016610").get("/sandbox/truth/stock-history")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(db).extracting(r -> r.get("name") + "|" + r.get("validTo"))
                .containsExactly("DB금융투자|2025-01-01", "DB증권|null");
        List<Map<String, Object>> all = given().get("/sandbox/truth/stock-history").then().statusCode(200)
                .extract().jsonPath().getList("");
        // Generated renames and KOSDAQ to KOSPI moves beside the three real cases.
        assertThat(all.stream().map(r -> r.get("code")).distinct().count()).isGreaterThan(50);
        assertThat(all).anyMatch(r -> "KSQ".equals(r.get("market")) && r.get("validTo") != null
                && !List.of("030190").contains(r.get("code")));
        // Every generated period that covers the old day is what KRX served for that day.
        List<Map<String, String>> oldDay = SandboxApi.krx(session, Map.of("bld",
                "dbms/MDC/STAT/standard/MDCSTAT01501", "mktId", "ALL", "trdDd", "20210122")).then().statusCode(200)
                .extract().jsonPath().getList("OutBlock_1");
        List<Map<String, Object>> coveringOldDay = all.stream().filter(r -> r.get("validTo") != null
                && "2021-01-22".compareTo((String) r.get("validFrom")) >= 0
                && "2021-01-22".compareTo((String) r.get("validTo")) <= 0).toList();
        assertThat(coveringOldDay).hasSizeGreaterThan(10);
        for (Map<String, Object> period : coveringOldDay) {
            assertThat(oldDay).as("%s on 2021-01-22", period.get("code"))
                    .anyMatch(r -> period.get("code").equals(r.get("ISU_SRT_CD"))
                            && period.get("name").equals(r.get("ISU_ABBRV"))
                            && period.get("market").equals(r.get("MKT_ID")));
        }
        given().queryParam("code", "999999").get("/sandbox/truth/stock-history").then().statusCode(404);
    }
}
