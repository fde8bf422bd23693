package io.kmarket.sandbox.source;

import static io.kmarket.sandbox.SandboxApi.krx;
import static io.kmarket.sandbox.SandboxApi.krxLogin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.sandbox.SandboxApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** KRX Data Marketplace emulation compared with the recorded responses in upstream-formats.md §1. */
@QuarkusTest
class KrxTest {

    private static final String ALL_STOCKS = "dbms/MDC/STAT/standard/MDCSTAT01501";
    private static final String ONE_STOCK = "dbms/MDC/STAT/standard/MDCSTAT01701";
    private static final List<String> ALL_STOCKS_FIELDS = List.of("ISU_SRT_CD", "ISU_CD", "ISU_ABBRV", "MKT_NM",
            "SECT_TP_NM", "TDD_CLSPRC", "FLUC_TP_CD", "CMPPREVDD_PRC", "FLUC_RT", "TDD_OPNPRC", "TDD_HGPRC", "TDD_LWPRC",
            "ACC_TRDVOL", "ACC_TRDVAL", "MKTCAP", "LIST_SHRS", "MKT_ID");
    private static final List<String> ONE_STOCK_FIELDS = List.of("TRD_DD", "TDD_CLSPRC", "FLUC_TP_CD", "CMPPREVDD_PRC",
            "FLUC_RT", "TDD_OPNPRC", "TDD_HGPRC", "TDD_LWPRC", "ACC_TRDVOL", "ACC_TRDVAL", "MKTCAP", "LIST_SHRS");
    private static final List<String> INDEX_FIELDS = List.of("TRD_DD", "CLSPRC_IDX", "FLUC_TP_CD", "PRV_DD_CMPR",
            "UPDN_RATE", "OPNPRC_IDX", "HGPRC_IDX", "LWPRC_IDX", "ACC_TRDVOL", "ACC_TRDVAL", "MKTCAP");

    @BeforeEach
    @AfterEach
    void reset() {
        SandboxApi.reset();
    }

    @Test
    void withoutSessionAnswersLogout() {
        krx("NOSUCHSESSION", Map.of("bld", ALL_STOCKS, "mktId", "STK", "trdDd", "20210122"))
                .then().statusCode(400).contentType(startsWith("text/html")).body(equalTo("LOGOUT"));
        // A session that has not logged in is not enough either.
        String anonymous = given().get("/krx/contents/MDC/COMS/client/MDCCOMS001.cmd").then().extract().cookie("JSESSIONID");
        krx(anonymous, Map.of("bld", ALL_STOCKS, "mktId", "STK", "trdDd", "20210122")).then().statusCode(400)
                .body(equalTo("LOGOUT"));
        assertThat(SandboxApi.stat("krx", "rejected", "logout")).isEqualTo(2);
    }

    @Test
    void loginIssuesSessionThatExpiresAfterIdleTime() {
        String session = krxLogin("member1");
        krx(session, Map.of("bld", ALL_STOCKS, "mktId", "KNX", "trdDd", "20210122")).then().statusCode(200);
        SandboxApi.advanceClock("PT2H");
        krx(session, Map.of("bld", ALL_STOCKS, "mktId", "KNX", "trdDd", "20210122")).then().statusCode(400)
                .body(equalTo("LOGOUT"));
    }

    @Test
    void secondLoginOfSameMemberIsDuplicateUntilConfirmed() {
        String first = krxLogin("member2");
        String second = given().get("/krx/contents/MDC/COMS/client/MDCCOMS001.cmd").then().extract().cookie("JSESSIONID");
        given().cookie("JSESSIONID", second).contentType(ContentType.URLENC)
                .formParams(Map.of("mbrId", "member2", "pw", "secret"))
                .post("/krx/contents/MDC/COMS/client/MDCCOMS001D1.cmd")
                .then().statusCode(200).body("_error_code", equalTo("CD011"));
        given().cookie("JSESSIONID", second).contentType(ContentType.URLENC)
                .formParams(Map.of("mbrId", "member2", "pw", "secret", "skipDup", "Y"))
                .post("/krx/contents/MDC/COMS/client/MDCCOMS001D1.cmd")
                .then().statusCode(200).body("_error_code", equalTo("CD001"));
        krx(first, Map.of("bld", ALL_STOCKS, "mktId", "KNX", "trdDd", "20210122")).then().statusCode(400);
        krx(second, Map.of("bld", ALL_STOCKS, "mktId", "KNX", "trdDd", "20210122")).then().statusCode(200);
    }

    @Test
    void allStocksOfADayLookLikeTheRecordingAndAreConsistent() {
        String session = krxLogin("member3");
        Response response = krx(session, Map.of("bld", ALL_STOCKS, "mktId", "STK", "trdDd", "20210122"));
        response.then().statusCode(200).contentType("text/html; charset=utf-8");
        JsonPath body = response.jsonPath();
        assertThat(body.getString("CURRENT_DATETIME")).isEqualTo("2026.01.23 PM 06:00:00");
        List<Map<String, String>> rows = body.getList("OutBlock_1");
        assertThat(rows).hasSizeBetween(850, 1000);
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("ISU_SRT_CD")).isEqualTo("005930");
            assertThat(row.get("ISU_CD")).isEqualTo("KR7005930003");
            assertThat(row.get("ISU_ABBRV")).isEqualTo("삼성전자");
        });
        for (Map<String, String> row : rows) {
            assertThat(new ArrayList<>(row.keySet())).isEqualTo(ALL_STOCKS_FIELDS);
            assertThat(row.get("MKT_ID")).isEqualTo("STK");
            assertThat(row.get("MKT_NM")).isEqualTo("KOSPI");
            if ("0".equals(row.get("FLUC_TP_CD"))) {
                assertThat(row.get("ACC_TRDVOL")).isEqualTo("0");
                continue;
            }
            long close = number(row.get("TDD_CLSPRC"));
            long change = number(row.get("CMPPREVDD_PRC"));
            long low = number(row.get("TDD_LWPRC"));
            long high = number(row.get("TDD_HGPRC"));
            long volume = number(row.get("ACC_TRDVOL"));
            assertThat(row.get("TDD_CLSPRC")).matches("\\d{1,3}(,\\d{3})*");
            assertThat(number(row.get("MKTCAP"))).isEqualTo(close * number(row.get("LIST_SHRS")));
            assertThat(row.get("FLUC_TP_CD")).isEqualTo(change > 0 ? "1" : change < 0 ? "2" : "3");
            assertThat(Double.parseDouble(row.get("FLUC_RT")))
                    .isCloseTo(change * 100.0 / (close - change), org.assertj.core.data.Offset.offset(0.006));
            assertThat(Math.abs(change)).isLessThanOrEqualTo((close - change) * 3 / 10);
            assertThat(low).isLessThanOrEqualTo(Math.min(close, number(row.get("TDD_OPNPRC"))));
            assertThat(high).isGreaterThanOrEqualTo(Math.max(close, number(row.get("TDD_OPNPRC"))));
            assertThat(number(row.get("ACC_TRDVAL"))).isBetween(volume * low, volume * high);
        }
    }

    @Test
    void holidayListsEveryStockWithDashes() {
        String session = krxLogin("member4");
        List<Map<String, String>> rows = krx(session, Map.of("bld", ALL_STOCKS, "mktId", "STK", "trdDd", "20210123"))
                .then().statusCode(200).extract().jsonPath().getList("OutBlock_1");
        assertThat(rows).hasSizeGreaterThan(850);
        for (Map<String, String> row : rows) {
            assertThat(new ArrayList<>(row.keySet())).isEqualTo(ALL_STOCKS_FIELDS);
            assertThat(row.get("TDD_CLSPRC")).isEqualTo("-");
            assertThat(row.get("ACC_TRDVOL")).isEqualTo("-");
            assertThat(row.get("MKTCAP")).isEqualTo("-");
            assertThat(row.get("FLUC_TP_CD")).isEqualTo("3");
            assertThat(row.get("LIST_SHRS")).matches("\\d{1,3}(,\\d{3})*");
        }
    }

    @Test
    void oneStockRangeIsNewestFirstAndShowsTheSamsungSplitUnadjusted() {
        String session = krxLogin("member5");
        List<Map<String, String>> raw = krx(session, Map.of("bld", ONE_STOCK, "isuCd", "KR7005930003",
                "strtDd", "20180427", "endDd", "20180504", "adjStkPrc", "1"))
                .then().statusCode(200).extract().jsonPath().getList("output");
        assertThat(raw).extracting(r -> r.get("TRD_DD"))
                .containsExactly("2018/05/04", "2018/05/03", "2018/05/02", "2018/04/30", "2018/04/27");
        raw.forEach(row -> assertThat(new ArrayList<>(row.keySet())).isEqualTo(ONE_STOCK_FIELDS));
        for (Map<String, String> halted : raw.subList(1, 4)) {
            assertThat(halted.get("FLUC_TP_CD")).isEqualTo("0");
            assertThat(halted.get("TDD_OPNPRC")).isEqualTo("0");
            assertThat(halted.get("ACC_TRDVOL")).isEqualTo("0");
            assertThat(halted.get("TDD_CLSPRC")).isEqualTo(raw.get(4).get("TDD_CLSPRC"));
            assertThat(halted.get("LIST_SHRS")).isEqualTo("128,386,494");
        }
        assertThat(raw.get(0).get("LIST_SHRS")).isEqualTo("6,419,324,700");
        long before = number(raw.get(4).get("TDD_CLSPRC"));
        long after = number(raw.get(0).get("TDD_CLSPRC"));
        // The post-split base is the last close divided by 50, on the tick grid (50 KRW at that level).
        assertThat(after - number(raw.get(0).get("CMPPREVDD_PRC"))).isCloseTo(before / 50, within(25L));

        List<Map<String, String>> adjusted = krx(session, Map.of("bld", ONE_STOCK, "isuCd", "KR7005930003",
                "strtDd", "20180427", "endDd", "20180504", "adjStkPrc", "2"))
                .then().statusCode(200).extract().jsonPath().getList("output");
        assertThat(number(adjusted.get(4).get("TDD_CLSPRC"))).isEqualTo(Math.round(before / 50.0));
        assertThat(adjusted.get(0).get("TDD_CLSPRC")).isEqualTo(raw.get(0).get("TDD_CLSPRC"));
    }

    @Test
    void rangesLongerThanTwoYearsAreRefused() {
        String session = krxLogin("member6");
        krx(session, Map.of("bld", ONE_STOCK, "isuCd", "KR7005930003", "strtDd", "20180101", "endDd", "20210101"))
                .then().statusCode(400);
    }

    @Test
    void findersListListedAndDelistedIssues() {
        String session = krxLogin("member7");
        List<Map<String, String>> listed = krx(session, Map.of("bld", "dbms/comm/finder/finder_stkisu", "locale", "ko_KR",
                "mktsel", "ALL", "searchText", "", "typeNo", "0")).then().statusCode(200).extract().jsonPath().getList("block1");
        assertThat(listed).hasSizeBetween(2600, 2800);
        Map<String, String> samsung = listed.stream().filter(r -> "005930".equals(r.get("short_code"))).findFirst().orElseThrow();
        assertThat(samsung).containsExactly(Map.entry("full_code", "KR7005930003"), Map.entry("short_code", "005930"),
                Map.entry("codeName", "삼성전자"), Map.entry("marketCode", "STK"), Map.entry("marketName", "유가증권"),
                Map.entry("marketEngName", "KOSPI"), Map.entry("ord1", ""), Map.entry("ord2", "16"));
        List<Map<String, String>> delisted = krx(session, Map.of("bld", "dbms/comm/finder/finder_listdelisu",
                "mktsel", "ALL", "searchText", "", "typeNo", "0")).then().statusCode(200).extract().jsonPath().getList("block1");
        assertThat(delisted).anySatisfy(r -> assertThat(r).containsEntry("short_code", "091990")
                .containsEntry("marketName", "코스닥").doesNotContainKey("marketEngName"));
        assertThat(listed).noneMatch(r -> "091990".equals(r.get("short_code")));
    }

    @Test
    void basicInfoHasTheRecordedFields() {
        String session = krxLogin("member11");
        List<Map<String, String>> rows = krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT01901", "mktId", "ALL"))
                .then().statusCode(200).extract().jsonPath().getList("OutBlock_1");
        assertThat(rows).hasSizeBetween(2600, 2800);
        rows.forEach(row -> assertThat(new ArrayList<>(row.keySet())).isEqualTo(List.of("ISU_CD", "ISU_SRT_CD", "ISU_NM",
                "ISU_ABBRV", "ISU_ENG_NM", "LIST_DD", "MKT_TP_NM", "SECUGRP_NM", "SECT_TP_NM", "KIND_STKCERT_TP_NM",
                "PARVAL", "LIST_SHRS")));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("ISU_SRT_CD", "005930")
                .containsEntry("LIST_SHRS", "6,419,324,700").containsEntry("KIND_STKCERT_TP_NM", "보통주"));
        assertThat(rows).allSatisfy(row -> assertThat(row.get("LIST_DD")).matches("\\d{4}/\\d{2}/\\d{2}"));
    }

    @Test
    void indexSeriesSkipsHolidaysAndIndexListNamesTheFamilies() {
        String session = krxLogin("member8");
        List<Map<String, String>> kospi = krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT00301",
                "indIdx", "1", "indIdx2", "001", "strtDd", "20210101", "endDd", "20210130"))
                .then().statusCode(200).extract().jsonPath().getList("output");
        assertThat(kospi).hasSize(20);
        assertThat(kospi.get(0).get("TRD_DD")).isEqualTo("2021/01/29");
        assertThat(kospi.get(19).get("TRD_DD")).isEqualTo("2021/01/04");
        kospi.forEach(row -> assertThat(new ArrayList<>(row.keySet())).isEqualTo(INDEX_FIELDS));
        assertThat(kospi.get(0).get("CLSPRC_IDX")).matches("\\d{1,3}(,\\d{3})*\\.\\d{2}");
        double close = Double.parseDouble(kospi.get(0).get("CLSPRC_IDX").replace(",", ""));
        double previous = Double.parseDouble(kospi.get(1).get("CLSPRC_IDX").replace(",", ""));
        assertThat(Double.parseDouble(kospi.get(0).get("PRV_DD_CMPR").replace(",", "")))
                .isCloseTo(close - previous, org.assertj.core.data.Offset.offset(0.011));

        assertThat(json(krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT00301", "indIdx", "1",
                "indIdx2", "001", "strtDd", "20210101", "endDd", "20210101"))).getString("output")).isEqualTo("[]");

        JsonPath kospiFamily = json(krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT00401",
                "idxIndMidclssCd", "02")));
        assertThat(kospiFamily.getList("output.IDX_NM")).containsExactly("코스피", "코스피 200");
        assertThat(kospiFamily.getString("output[1].IND_TP_CD")).isEqualTo("1");
        assertThat(kospiFamily.getString("output[1].IDX_IND_CD")).isEqualTo("028");
        assertThat(kospiFamily.getString("output[1].COMPST_ISU_CNT")).isEqualTo("200");
        assertThat(json(krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT00401", "idxIndMidclssCd", "03")))
                .getList("output.IDX_ENG_NM")).containsExactly("KOSDAQ", "KOSDAQ 150");
    }

    @Test
    void goingFasterThanTheLimitBlocksTheIpAndIsCounted() {
        String session = krxLogin("member9");
        SandboxApi.limits("{\"krxRequestsPerSecond\":2}");
        Map<String, String> form = Map.of("bld", ALL_STOCKS, "mktId", "KNX", "trdDd", "20210122");
        krx(session, form).then().statusCode(200);
        krx(session, form).then().statusCode(200);
        krx(session, form).then().statusCode(403).body(org.hamcrest.Matchers.containsString("접속이 일시적으로 제한"));
        SandboxApi.advanceClock("PT2S");
        krx(session, form).then().statusCode(403);
        assertThat(SandboxApi.stat("krx", "violations", "rate")).isEqualTo(1);
        assertThat(SandboxApi.stat("krx", "rejected", "ipBlocked")).isEqualTo(1);
        given().get("/sandbox/stats").then().body("violations", equalTo(1));
        SandboxApi.advanceClock("PT61S");
        krx(session, form).then().statusCode(200);
    }

    @Test
    void latestBusinessDayIsTodayWhenTradingDay() {
        assertThat(json(given().queryParam("baseName", "krx.mdc.i18n.component").queryParam("key", "B128.bld")
                .get("/krx/comm/bldAttendant/executeForResourceBundle.cmd"))
                .getString("result.output[0].max_work_dt")).isEqualTo("20260123");
    }

    @Test
    void sameRequestGivesByteIdenticalAnswers() {
        String session = krxLogin("member10");
        Map<String, String> form = Map.of("bld", ALL_STOCKS, "mktId", "ALL", "trdDd", "20240610");
        byte[] first = krx(session, form).then().statusCode(200).extract().asByteArray();
        byte[] second = krx(session, form).then().statusCode(200).extract().asByteArray();
        assertThat(second).isEqualTo(first);
    }

    /** KRX serves JSON as text/html: parse the body as JSON whatever the content type says, as clients do. */
    private static JsonPath json(Response response) {
        response.then().statusCode(200);
        return JsonPath.from(response.asString());
    }

    private static long number(String value) {
        return Long.parseLong(value.replace(",", ""));
    }
}
