package io.kmarket.sandbox;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;

/** Test helpers driving the sandbox over HTTP the way a collector would. */
public final class SandboxApi {

    public static final String DART_KEY = "0123456789abcdef0123456789abcdef01234567";
    public static final String KRX_DATA = "/krx/comm/bldAttendant/getJsonData.cmd";

    private SandboxApi() {
    }

    public static void reset() {
        given().post("/sandbox/reset").then().statusCode(204);
    }

    /** The three-step KRX member login; returns the authenticated JSESSIONID. */
    public static String krxLogin(String member) {
        String session = given().get("/krx/contents/MDC/COMS/client/MDCCOMS001.cmd").then().statusCode(200)
                .extract().cookie("JSESSIONID");
        given().cookie("JSESSIONID", session).queryParam("site", "mdc")
                .get("/krx/contents/MDC/COMS/client/view/login.jsp").then().statusCode(200);
        given().cookie("JSESSIONID", session).contentType(ContentType.URLENC)
                .formParams(Map.of("mbrId", member, "pw", "secret", "skipDup", "Y"))
                .post("/krx/contents/MDC/COMS/client/MDCCOMS001D1.cmd")
                .then().statusCode(200);
        return session;
    }

    public static io.restassured.response.Response krx(String session, Map<String, String> form) {
        return given().cookie("JSESSIONID", session).contentType(ContentType.URLENC)
                .header("Referer", "https://data.krx.co.kr/contents/MDC/MDI/outerLoader/index.cmd")
                .formParams(form).post(KRX_DATA);
    }

    public static void limits(String json) {
        given().contentType(ContentType.JSON).body(json).post("/sandbox/limits").then().statusCode(200);
    }

    public static void advanceClock(String duration) {
        given().contentType(ContentType.JSON).body("{\"advance\":\"" + duration + "\"}").post("/sandbox/clock")
                .then().statusCode(200);
    }

    public static long stat(String source, String group, String kind) {
        Object value = given().get("/sandbox/stats").then().statusCode(200).extract()
                .path("sources." + source + "." + group + "ByKind." + kind);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
