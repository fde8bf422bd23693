package io.kmarket.sandbox.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.sandbox.SandboxApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** KIS emulation compared with the documented examples in upstream-formats.md §4. */
@QuarkusTest
class KisTest {

    private static final String DAILY = "/kis/uapi/domestic-stock/v1/quotations/inquire-daily-price";
    private static final String PRICE = "/kis/uapi/domestic-stock/v1/quotations/inquire-price";
    private static final List<String> DAILY_FIELDS = List.of("stck_bsop_date", "stck_oprc", "stck_hgpr", "stck_lwpr",
            "stck_clpr", "acml_vol", "prdy_vrss_vol_rate", "prdy_vrss", "prdy_vrss_sign", "prdy_ctrt", "hts_frgn_ehrt",
            "frgn_ntby_qty", "flng_cls_code", "acml_prtt_rate");

    @BeforeEach
    @AfterEach
    void reset() {
        SandboxApi.reset();
    }

    private static Response tokenRequest(String appKey) {
        return given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"" + appKey + "\",\"appsecret\":\"secret\"}")
                .post("/kis/oauth2/tokenP");
    }

    private static String token(String appKey) {
        return tokenRequest(appKey).then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(86400)).body("access_token_token_expired", equalTo("2026-01-24 18:00:00"))
                .extract().path("access_token");
    }

    private static Response daily(String appKey, String token, String code) {
        return given().header("authorization", "Bearer " + token).header("appkey", appKey).header("appsecret", "secret")
                .header("tr_id", "FHKST01010400").header("custtype", "P")
                .queryParam("FID_COND_MRKT_DIV_CODE", "J").queryParam("FID_INPUT_ISCD", code)
                .queryParam("FID_PERIOD_DIV_CODE", "D").queryParam("FID_ORG_ADJ_PRC", "0").get(DAILY);
    }

    @Test
    void tokenIssuanceIsLimitedToOncePerMinuteAndReusedWithinSixHours() {
        String first = token("app-a");
        tokenRequest("app-a").then().statusCode(403).body("error_code", equalTo("EGW00133"))
                .body("error_description", equalTo("접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)"));
        assertThat(SandboxApi.stat("kis", "violations", "tokenIssuance")).isEqualTo(1);
        SandboxApi.advanceClock("PT61S");
        assertThat(tokenRequest("app-a").then().statusCode(200).extract().<String>path("access_token")).isEqualTo(first);
        SandboxApi.advanceClock("PT7H");
        assertThat(tokenRequest("app-a").then().statusCode(200).extract().<String>path("access_token")).isNotEqualTo(first);
    }

    @Test
    void dailyPriceHas30RowsNewestFirstInTheDocumentedShape() {
        String token = token("app-b");
        Response response = daily("app-b", token, "005930");
        response.then().statusCode(200).header("tr_id", "FHKST01010400").body("rt_cd", equalTo("0"))
                .body("msg_cd", equalTo("MCA00000")).body("msg1", equalTo("정상처리 되었습니다!"));
        List<Map<String, String>> rows = response.jsonPath().getList("output");
        assertThat(rows).hasSize(30);
        assertThat(rows.getFirst().get("stck_bsop_date")).isEqualTo("20260123");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            assertThat(new ArrayList<>(row.keySet())).isEqualTo(DAILY_FIELDS);
            assertThat(row.get("stck_clpr")).matches("\\d+");
            if (i + 1 < rows.size()) {
                assertThat(row.get("stck_bsop_date")).isGreaterThan(rows.get(i + 1).get("stck_bsop_date"));
                long change = Long.parseLong(row.get("stck_clpr")) - Long.parseLong(rows.get(i + 1).get("stck_clpr"));
                assertThat(Long.parseLong(row.get("prdy_vrss"))).isEqualTo(change);
            }
        }
    }

    @Test
    void currentPriceIsAnObjectWithTheDocumentedFields() {
        String token = token("app-c");
        Map<String, String> output = given().header("authorization", "Bearer " + token).header("appkey", "app-c")
                .header("tr_id", "FHKST01010100").queryParam("FID_COND_MRKT_DIV_CODE", "J")
                .queryParam("FID_INPUT_ISCD", "005930").get(PRICE).then().statusCode(200).body("rt_cd", equalTo("0"))
                .extract().jsonPath().getMap("output");
        assertThat(output).containsKeys("stck_prpr", "prdy_vrss", "prdy_vrss_sign", "prdy_ctrt", "acml_vol",
                "acml_tr_pbmn", "stck_oprc", "stck_hgpr", "stck_lwpr", "stck_mxpr", "stck_llam", "stck_sdpr",
                "lstn_stcn", "hts_avls", "per", "pbr", "eps", "bps", "d250_hgpr", "d250_lwpr", "aspr_unit");
        long base = Long.parseLong(output.get("stck_sdpr"));
        assertThat(Long.parseLong(output.get("stck_prpr")) - base).isEqualTo(Long.parseLong(output.get("prdy_vrss")));
        assertThat(Long.parseLong(output.get("stck_mxpr"))).isLessThanOrEqualTo(base * 13 / 10);
        assertThat(output.get("rprs_mrkt_kor_name")).isEqualTo("KOSPI200");
    }

    @Test
    void perSecondOverrunAnswersEgw00201AndIsCounted() {
        String token = token("app-d");
        SandboxApi.limits("{\"kisRequestsPerSecond\":2}");
        daily("app-d", token, "005930").then().statusCode(200);
        daily("app-d", token, "005930").then().statusCode(200);
        daily("app-d", token, "005930").then().statusCode(500).body("rt_cd", equalTo("1"))
                .body("msg_cd", equalTo("EGW00201")).body("msg1", equalTo("초당 거래건수를 초과하였습니다."));
        assertThat(SandboxApi.stat("kis", "violations", "rate")).isEqualTo(1);
    }

    @Test
    void expiredAndUnknownTokensAreRefused() {
        String token = token("app-e");
        daily("app-e", "not-a-token", "005930").then().statusCode(500).body("msg_cd", equalTo("EGW00121"));
        SandboxApi.advanceClock("PT25H");
        daily("app-e", token, "005930").then().statusCode(500).body("msg_cd", equalTo("EGW00123"))
                .body("msg1", equalTo("기간이 만료된 token 입니다."));
    }
}
