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
    private static final String INDEX_SERIES = "dbms/MDC/STAT/standard/MDCSTAT00301";
    private static final String INDEX_LIST = "dbms/MDC/STAT/standard/MDCSTAT00401";
    private static final List<String> INDEX_LIST_FIELDS = List.of("IDX_NM", "IDX_ENG_NM", "BAS_TM_CONTN",
            "ANNC_TM_CONTN", "BAS_IDX_CONTN", "CALC_CYCLE_CONTN", "CALC_TM_CONTN", "COMPST_ISU_CNT", "IND_TP_CD",
            "IDX_IND_CD");
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
        // KRX's adjusted series multiplies earlier prices by base / P, the exchange's own reference-price ratio.
        long base = after - number(raw.get(0).get("CMPPREVDD_PRC"));
        assertThat(number(adjusted.get(4).get("TDD_CLSPRC"))).isEqualTo(Math.round(before * ((double) base / before)));
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
    void theKrxAndThemeFamiliesAreListedAndThemeTickersCarryALetter() {
        String session = krxLogin("member12");
        JsonPath krxFamily = json(krx(session, Map.of("bld", INDEX_LIST, "idxIndMidclssCd", "01")));
        assertThat(krxFamily.getList("output.IDX_NM")).containsExactly("KRX 100", "KRX 300");
        assertThat(krxFamily.getList("output.IND_TP_CD")).containsOnly("5");
        assertThat(krxFamily.getString("output[1].COMPST_ISU_CNT")).isEqualTo("300");
        JsonPath themes = json(krx(session, Map.of("bld", INDEX_LIST, "idxIndMidclssCd", "04")));
        List<Map<String, String>> rows = themes.getList("output");
        assertThat(rows).hasSize(4);
        rows.forEach(row -> assertThat(new ArrayList<>(row.keySet())).isEqualTo(INDEX_LIST_FIELDS));
        assertThat(rows).extracting(r -> r.get("IND_TP_CD") + r.get("IDX_IND_CD"))
                .containsExactly("G001", "G002", "G003", "G004");
        assertThat(rows.get(3).get("IDX_NM")).isEqualTo("KRX 인터넷 K-뉴딜지수");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("COMPST_ISU_CNT")).isEqualTo("10"));

        List<Map<String, String>> g004 = krx(session, Map.of("bld", INDEX_SERIES, "indIdx", "G", "indIdx2", "004",
                "strtDd", "20210101", "endDd", "20210130")).then().statusCode(200).extract().jsonPath().getList("output");
        assertThat(g004).hasSize(20);
        g004.forEach(row -> assertThat(row.get("OPNPRC_IDX")).matches("\\d{1,3}(,\\d{3})*\\.\\d{2}"));
    }

    @Test
    void kospiBefore1995IsCloseOnlyAsInThe1981Recording() {
        String session = krxLogin("member13");
        List<Map<String, String>> early = krx(session, Map.of("bld", INDEX_SERIES, "indIdx", "1", "indIdx2", "001",
                "strtDd", "19800101", "endDd", "19811231")).then().statusCode(200).extract().jsonPath().getList("output");
        // Monday to Saturday sessions in 1980-81 (no holidays but 1 January, 25 and 31 December), newest first.
        assertThat(early).hasSize(619);
        assertThat(early.getFirst().get("TRD_DD")).isEqualTo("1981/12/30");
        assertThat(early.getLast().get("TRD_DD")).isEqualTo("1980/01/04");
        assertThat(early.getLast().get("CLSPRC_IDX")).isEqualTo("100.00");
        assertThat(early).extracting(r -> r.get("TRD_DD")).contains("1981/12/26"); // a Saturday
        for (Map<String, String> row : early) {
            assertThat(new ArrayList<>(row.keySet())).isEqualTo(INDEX_FIELDS);
            assertThat(row).containsEntry("FLUC_TP_CD", "").containsEntry("PRV_DD_CMPR", "-")
                    .containsEntry("UPDN_RATE", "-").containsEntry("OPNPRC_IDX", "-").containsEntry("HGPRC_IDX", "-")
                    .containsEntry("LWPRC_IDX", "-").containsEntry("MKTCAP", "-");
            assertThat(row.get("CLSPRC_IDX")).matches("\\d{1,3}(,\\d{3})*\\.\\d{2}");
            assertThat(row.get("ACC_TRDVOL")).matches("\\d{1,3}(,\\d{3})*");
        }
        List<Map<String, String>> from1995 = krx(session, Map.of("bld", INDEX_SERIES, "indIdx", "1", "indIdx2",
                "001", "strtDd", "19941226", "endDd", "19950107")).then().statusCode(200).extract().jsonPath()
                .getList("output");
        assertThat(from1995).extracting(r -> r.get("TRD_DD")).startsWith("1995/01/07").endsWith("1994/12/26");
        for (Map<String, String> row : from1995) {
            boolean closeOnly = row.get("TRD_DD").startsWith("1994");
            assertThat(row.get("OPNPRC_IDX").equals("-")).as(row.get("TRD_DD")).isEqualTo(closeOnly);
            assertThat(row.get("FLUC_TP_CD").isEmpty()).isEqualTo(closeOnly);
        }
        // The archive meets the simulation: the first simulated day's change is against the archive's last close.
        List<Map<String, String>> seam = krx(session, Map.of("bld", INDEX_SERIES, "indIdx", "1", "indIdx2", "001",
                "strtDd", "20131226", "endDd", "20140103")).then().statusCode(200).extract().jsonPath().getList("output");
        assertThat(seam).extracting(r -> r.get("TRD_DD")).containsExactly("2014/01/03", "2014/01/02", "2013/12/30",
                "2013/12/27", "2013/12/26");
        double archived = number2(seam.get(2).get("CLSPRC_IDX"));
        assertThat(number2(seam.get(1).get("CLSPRC_IDX")) - number2(seam.get(1).get("PRV_DD_CMPR")))
                .isCloseTo(archived, within(0.011));
        assertThat(json(krx(session, Map.of("bld", INDEX_SERIES, "indIdx", "2", "indIdx2", "001",
                "strtDd", "19900101", "endDd", "19901231"))).getList("output")).as("only KOSPI has an archive").isEmpty();
    }

    @Test
    void theDelistedListHoldsWarrantsRightsAndForeignIssuers() {
        String session = krxLogin("member14");
        List<Map<String, String>> delisted = krx(session, Map.of("bld", "dbms/comm/finder/finder_listdelisu",
                "mktsel", "ALL", "searchText", "", "typeNo", "0")).then().statusCode(200).extract().jsonPath()
                .getList("block1");
        // The recorded row, verbatim.
        assertThat(delisted).contains(Map.of("full_code", "KRA060310125", "short_code", "06031012", "codeName", "3S R",
                "marketCode", "KSQ", "marketName", "코스닥", "ord1", "", "ord2", "16"));
        assertThat(delisted).anySatisfy(r -> assertThat(r.get("codeName")).endsWith("WR"));
        assertThat(delisted).filteredOn(r -> r.get("full_code").startsWith("KRA"))
                .allSatisfy(r -> assertThat(r.get("short_code")).hasSize(8));
        assertThat(delisted).anySatisfy(r -> assertThat(r.get("full_code")).startsWith("KR8"));
        assertThat(delisted).anySatisfy(r -> assertThat(r).containsEntry("short_code", "900050")
                .containsEntry("full_code", "HK0000057197").containsEntry("codeName", "중국원양자원"));
        assertThat(delisted).anySatisfy(r -> assertThat(r).containsEntry("short_code", "900040")
                .containsEntry("full_code", "KYG2118N1103"));
        assertThat(delisted).allSatisfy(r -> assertThat(io.kmarket.sandbox.market.Isin.checkDigit(
                r.get("full_code").substring(0, 11))).isEqualTo(r.get("full_code").charAt(11) - '0'));
        // A foreign issuer traded under its home ISIN while it was listed.
        List<Map<String, String>> day = krx(session, Map.of("bld", ALL_STOCKS, "mktId", "KSQ", "trdDd", "20150105"))
                .then().statusCode(200).extract().jsonPath().getList("OutBlock_1");
        assertThat(day).anySatisfy(r -> assertThat(r).containsEntry("ISU_SRT_CD", "900050")
                .containsEntry("ISU_CD", "HK0000057197"));
    }

    @Test
    void theKosdaqGlobalSegmentAppearsOnlyFromNovember2022() {
        String session = krxLogin("member15");
        List<Map<String, String>> before = krx(session, Map.of("bld", ALL_STOCKS, "mktId", "KSQ", "trdDd", "20221118"))
                .then().statusCode(200).extract().jsonPath().getList("OutBlock_1");
        List<Map<String, String>> after = krx(session, Map.of("bld", ALL_STOCKS, "mktId", "KSQ", "trdDd", "20221121"))
                .then().statusCode(200).extract().jsonPath().getList("OutBlock_1");
        assertThat(before).extracting(r -> r.get("MKT_NM")).containsOnly("KOSDAQ");
        assertThat(after).extracting(r -> r.get("MKT_NM")).contains("KOSDAQ GLOBAL", "KOSDAQ");
        assertThat(after).filteredOn(r -> "KOSDAQ GLOBAL".equals(r.get("MKT_NM")))
                .allSatisfy(r -> assertThat(r.get("MKT_ID")).isEqualTo("KSQ"));
    }

    @Test
    void realCodesUsersTryAreListedUnderTheirRealNames() {
        String session = krxLogin("member16");
        List<Map<String, String>> listed = krx(session, Map.of("bld", "dbms/comm/finder/finder_stkisu", "locale",
                "ko_KR", "mktsel", "ALL", "searchText", "", "typeNo", "0")).then().statusCode(200).extract().jsonPath()
                .getList("block1");
        Map<String, String> names = new java.util.HashMap<>();
        listed.forEach(r -> names.put(r.get("short_code"), r.get("codeName") + "|" + r.get("marketCode")));
        assertThat(names).containsEntry("000020", "동화약품|STK").containsEntry("000100", "유한양행|STK")
                .containsEntry("003490", "대한항공|STK").containsEntry("033780", "KT&G|STK")
                .containsEntry("034730", "SK|STK").containsEntry("035760", "CJ ENM|KSQ");
        assertThat(listed).anySatisfy(r -> assertThat(r).containsEntry("short_code", "000020")
                .containsEntry("full_code", "KR7000020008"));
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

    private static double number2(String value) {
        return Double.parseDouble(value.replace(",", ""));
    }

    private static long number(String value) {
        return Long.parseLong(value.replace(",", ""));
    }
}
