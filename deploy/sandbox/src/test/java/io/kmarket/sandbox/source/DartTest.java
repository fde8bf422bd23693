package io.kmarket.sandbox.source;

import static io.kmarket.sandbox.SandboxApi.DART_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.sandbox.SandboxApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** OpenDART emulation compared with the samples in upstream-formats.md §2. */
@QuarkusTest
class DartTest {

    private static final List<String> LIST_FIELDS = List.of("corp_code", "corp_name", "stock_code", "corp_cls",
            "report_nm", "rcept_no", "flr_nm", "rcept_dt", "rm");
    private static final List<String> COMPANY_FIELDS = List.of("status", "message", "corp_code", "corp_name",
            "corp_name_eng", "stock_name", "stock_code", "ceo_nm", "corp_cls", "jurir_no", "bizr_no", "adres", "hm_url",
            "ir_url", "phn_no", "fax_no", "induty_code", "est_dt", "acc_mt");

    /** The tests' frozen sandbox time (09:00Z) in Seoul, and the end of that day. */
    private static final OffsetDateTime SIX_PM = OffsetDateTime.parse("2026-01-23T18:00:00+09:00");
    private static final OffsetDateTime MIDNIGHT = OffsetDateTime.parse("2026-01-24T00:00:00+09:00");

    @BeforeEach
    @AfterEach
    void reset() {
        SandboxApi.reset();
    }

    @Test
    void listIsPaginatedNewestFirstInTheDocumentedShape() {
        JsonPath page = given().queryParam("crtfc_key", DART_KEY).queryParam("bgn_de", "20230101")
                .queryParam("end_de", "20230208").queryParam("page_no", 2).queryParam("page_count", 3)
                .get("/dart/api/list.json").then().statusCode(200).contentType(startsWith("application/json"))
                .extract().jsonPath();
        assertThat(page.getString("status")).isEqualTo("000");
        assertThat(page.getString("message")).isEqualTo("정상");
        assertThat(page.getInt("page_no")).isEqualTo(2);
        assertThat(page.getInt("page_count")).isEqualTo(3);
        int total = page.getInt("total_count");
        assertThat(total).isGreaterThan(100);
        assertThat(page.getInt("total_page")).isEqualTo((total + 2) / 3);
        List<Map<String, String>> rows = page.getList("list");
        assertThat(rows).hasSize(3);
        rows.forEach(row -> {
            assertThat(new ArrayList<>(row.keySet())).isEqualTo(LIST_FIELDS);
            assertThat(row.get("corp_code")).matches("\\d{8}");
            assertThat(row.get("rcept_no")).matches("\\d{14}").startsWith(row.get("rcept_dt"));
            assertThat(row.get("corp_cls")).isIn("Y", "K", "N", "E");
            assertThat(row.get("stock_code").isEmpty()).isEqualTo("E".equals(row.get("corp_cls")));
        });
        assertThat(rows.get(0).get("rcept_no")).isGreaterThan(rows.get(1).get("rcept_no"));
    }

    @Test
    void stockCodeIsAcceptedAsCorpCodeAndCompanyHasTheDocumentedFields() {
        JsonPath samsung = given().queryParam("crtfc_key", DART_KEY).queryParam("corp_code", "005930")
                .queryParam("bgn_de", "20200101").queryParam("end_de", "20260123").queryParam("page_count", 100)
                .get("/dart/api/list.json").then().statusCode(200).extract().jsonPath();
        assertThat(samsung.getList("list.corp_code")).isNotEmpty().containsOnly("00126380");
        assertThat(samsung.getList("list.corp_name")).containsOnly("삼성전자");
        Map<String, Object> company = given().queryParam("crtfc_key", DART_KEY).queryParam("corp_code", "00126380")
                .get("/dart/api/company.json").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(new ArrayList<>(company.keySet())).isEqualTo(COMPANY_FIELDS);
        assertThat(company).containsEntry("corp_name", "삼성전자(주)").containsEntry("stock_code", "005930")
                .containsEntry("corp_cls", "Y").containsEntry("acc_mt", "12");
    }

    @Test
    void errorsAreStatusCodesInsideHttp200() {
        given().queryParam("crtfc_key", "short").get("/dart/api/list.json").then().statusCode(200)
                .body("status", equalTo("010")).body("message", equalTo("등록되지 않은 키입니다."));
        given().queryParam("crtfc_key", DART_KEY).queryParam("page_count", 101).get("/dart/api/list.json")
                .then().statusCode(200).body("status", equalTo("100"));
        given().queryParam("crtfc_key", DART_KEY).queryParam("bgn_de", "20230101").queryParam("end_de", "20231231")
                .get("/dart/api/list.json").then().statusCode(200).body("status", equalTo("100"));
        given().queryParam("crtfc_key", DART_KEY).queryParam("corp_code", "99999999").get("/dart/api/list.json")
                .then().statusCode(200).body("status", equalTo("013")).body("message", equalTo("조회된 데이타가 없습니다."));
        given().queryParam("crtfc_key", DART_KEY).queryParam("bgn_de", "20300101").queryParam("end_de", "20300102")
                .get("/dart/api/list.json").then().statusCode(200).body("status", equalTo("013"));
    }

    @Test
    void dailyQuotaPerKeyAnswers020AndIsCountedUntilTheNextKoreanDay() {
        SandboxApi.limits("{\"dartDailyQuota\":3}");
        for (int i = 0; i < 3; i++) {
            listOfJanuary22(DART_KEY).then().body("status", equalTo("000"));
        }
        listOfJanuary22(DART_KEY).then().statusCode(200).body("status", equalTo("020"));
        String otherKey = "f".repeat(40);
        listOfJanuary22(otherKey).then().body("status", equalTo("000"));
        assertThat(SandboxApi.stat("dart", "violations", "dailyQuota")).isEqualTo(1);
        // 09:00Z is 18:00 in Seoul: seven hours later it is the next Korean day.
        SandboxApi.advanceClock("PT7H");
        listOfJanuary22(DART_KEY).then().body("status", equalTo("000"));
    }

    /** A finished day's filings: at 01:00 nothing of the new day is accepted yet, so today's list would be 013. */
    private static Response listOfJanuary22(String key) {
        return given().queryParam("crtfc_key", key).queryParam("bgn_de", "20260122").queryParam("end_de", "20260122")
                .get("/dart/api/list.json");
    }

    @Test
    void aFilingIsListedFromItsAcceptanceOnAndTheTruthSaysWhenThatWas() {
        // Frozen at 18:00 in Seoul on Friday 2026-01-23; the evening's filings are not accepted yet.
        List<String> atSix = rceptNos("20260123");
        List<Map<String, String>> truthAtSix = truth("2026-01-23");
        assertThat(truthAtSix).isNotEmpty().allSatisfy(row -> assertThat(acceptedAt(row))
                .isBetween(SIX_PM.withHour(7), SIX_PM));
        assertThat(atSix).containsExactlyInAnyOrderElementsOf(truthAtSix.stream().map(row -> row.get("rceptNo")).toList());

        SandboxApi.advanceClock("PT7H");
        List<String> nextMorning = rceptNos("20260123");
        List<Map<String, String>> truthOfTheDay = truth("2026-01-23");
        assertThat(nextMorning).containsExactlyInAnyOrderElementsOf(
                truthOfTheDay.stream().map(row -> row.get("rceptNo")).toList());
        List<Map<String, String>> evening = truthOfTheDay.stream().filter(row -> !atSix.contains(row.get("rceptNo")))
                .toList();
        assertThat(evening).as("the test seed's 2026-01-23 has filings accepted after 18:00").isNotEmpty()
                .allSatisfy(row -> assertThat(acceptedAt(row)).isAfter(SIX_PM)
                        .isBefore(MIDNIGHT));
        assertThat(nextMorning).containsAll(atSix);
    }

    private static OffsetDateTime acceptedAt(Map<String, String> row) {
        assertThat(row.get("acceptedAt")).matches("2026-01-23T\\d{2}:\\d{2}:\\d{2}\\+09:00");
        return OffsetDateTime.parse(row.get("acceptedAt"));
    }

    private static List<String> rceptNos(String day) {
        JsonPath list = given().queryParam("crtfc_key", DART_KEY).queryParam("bgn_de", day).queryParam("end_de", day)
                .queryParam("page_count", 100).get("/dart/api/list.json").then().statusCode(200).extract().jsonPath();
        assertThat(list.getInt("total_page")).isEqualTo(1);
        return list.getList("list.rcept_no");
    }

    private static List<Map<String, String>> truth(String day) {
        return given().queryParam("date", day).get("/sandbox/truth/disclosures").then().statusCode(200).extract()
                .jsonPath().getList("");
    }

    @Test
    void perMinuteOverrunBlocksTheKey() {
        SandboxApi.limits("{\"dartRequestsPerMinute\":2}");
        given().queryParam("crtfc_key", DART_KEY).get("/dart/api/list.json").then().body("status", equalTo("000"));
        given().queryParam("crtfc_key", DART_KEY).get("/dart/api/list.json").then().body("status", equalTo("000"));
        given().queryParam("crtfc_key", DART_KEY).get("/dart/api/list.json").then().body("status", equalTo("012"));
        assertThat(SandboxApi.stat("dart", "violations", "rate")).isEqualTo(1);
        SandboxApi.advanceClock("PT2M");
        given().queryParam("crtfc_key", DART_KEY).get("/dart/api/list.json").then().body("status", equalTo("000"));
    }

    @Test
    void perSecondOverrunAnswers429PerClientWhicheverKeyItUses() {
        SandboxApi.limits("{\"dartRequestsPerSecond\":2}");
        String otherKey = "f".repeat(40);
        // Sandbox time is frozen in tests: all of these fall into the same second.
        given().queryParam("crtfc_key", DART_KEY).get("/dart/api/list.json").then().body("status", equalTo("000"));
        given().queryParam("crtfc_key", otherKey).get("/dart/api/list.json").then().body("status", equalTo("000"));
        given().queryParam("crtfc_key", otherKey).get("/dart/api/company.json").then().statusCode(429)
                .header("Retry-After", "1");
        assertThat(SandboxApi.stat("dart", "violations", "rate")).isEqualTo(1);
        assertThat(given().get("/sandbox/limits").then().extract().jsonPath().getInt("dartRequestsPerSecond"))
                .isEqualTo(2);
        // Not a block: the next second admits the client again.
        SandboxApi.advanceClock("PT1S");
        given().queryParam("crtfc_key", DART_KEY).get("/dart/api/list.json").then().body("status", equalTo("000"));
    }

    @Test
    void corpCodeIsAZipOfCorpcodeXmlAndErrorsAreXml() throws IOException {
        byte[] zip = given().queryParam("crtfc_key", DART_KEY).get("/dart/api/corpCode.xml").then().statusCode(200)
                .extract().asByteArray();
        assertThat(zip).startsWith(0x50, 0x4B, 0x03, 0x04);
        String xml;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName()).isEqualTo("CORPCODE.xml");
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<corp_code>00126380</corp_code>\n        <corp_name>삼성전자</corp_name>")
                .contains("<stock_code> </stock_code>");
        assertThat(xml.split("<list>").length - 1).isGreaterThan(3000);
        byte[] again = given().queryParam("crtfc_key", DART_KEY).get("/dart/api/corpCode.xml").then().extract().asByteArray();
        assertThat(again).isEqualTo(zip);
        assertThat(given().queryParam("crtfc_key", "nope").get("/dart/api/corpCode.xml").then().statusCode(200)
                .extract().asString()).contains("<status>010</status>");
    }
}
