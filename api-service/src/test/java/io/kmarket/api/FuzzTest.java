package io.kmarket.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Hundreds of malformed and hostile requests: each must be refused with a 4xx problem document, never a 5xx,
 * a stack trace or a bare error page. Hostile but legal input (a search for an injection string) must be
 * answered normally.
 */
@QuarkusTest
class FuzzTest {

    private static final Logger LOG = Logger.getLogger(FuzzTest.class);

    private static final List<String> HOSTILE = List.of(
            "' OR 1=1 --", "005930'; DROP TABLE market.stocks; --", "005930\" OR \"1\"=\"1", "1; SELECT pg_sleep(10)",
            "<script>alert(1)</script>", "../../etc/passwd", "..%2F..%2Fetc", "%00", "\u0000", "005930\u0000",
            "😀😀😀", "가나다라마바", "\uFEFF005930", "005930\u200B", "ＡＢＣＤＥＦ", "١٢٣٤٥٦", "𝟎𝟎𝟓𝟗𝟑𝟎", "ⅠⅡⅢⅣⅤⅥ",
            "${jndi:ldap://x/a}", "{{7*7}}", "#{7*7}", "null", "undefined", "-1", "1e309", "NaN", "Infinity",
            "9".repeat(5_000), "A".repeat(10_000), "%s%s%s%n", "\r\nX-Injected: 1", "005930%", "00593_", "*", " ",
            "005930 ", " 005930", "a\tb", "\\", "\"", "'", "2024-01-01T00:00:00Z", "2024-02-30", "+2024-01-01",
            "-0001-01-01", "99999-01-01", "2024/01/01", "01-01-2024", "2024-1-1", "0x10", "１００", "0005930",
            "05930", "005930,000660", "005930;000660", "[]", "{}", "true", "\u202E030509", "e\u0301\u0301\u0301",
            "\uD800", "\uDFFF", "005930\n", "\u00A0005930");

    private final List<String> failures = new ArrayList<>();
    private int requests;

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
    }

    @Test
    void malformedAndHostileRequestsAreRefusedWith4xxProblems() {
        List<String> inputs = new ArrayList<>(HOSTILE);
        Random random = new Random(20261128L);
        for (int i = 0; i < 25; i++) {
            inputs.add(randomText(random));
        }
        for (String bad : inputs) {
            if (!bad.isBlank()) {
                String segment = pathSegment(bad);
                expect4xx("GET stocks/{code}", () -> raw().get("/api/v1/stocks/" + segment));
                expect4xx("GET prices/{code}", () -> raw().get("/api/v1/stocks/" + segment + "/prices"));
                expect4xx("GET indicators/{code}", () -> raw().get("/api/v1/stocks/" + segment + "/indicators"));
                expect4xx("GET history/{code}", () -> raw().get("/api/v1/stocks/" + segment + "/history"));
                expect4xx("GET index prices", () -> raw().get("/api/v1/indices/" + segment + "/prices"));
                expect4xx("GET reports/{id}", () -> raw().get("/api/v1/reports/" + segment));
            }
            expect4xx("from", () -> given().queryParam("from", bad).get("/api/v1/stocks/005930/prices"));
            expect4xx("to", () -> given().queryParam("to", bad).get("/api/v1/stocks/005930/indicators"));
            expect4xx("asOf", () -> given().queryParam("asOf", bad).get("/api/v1/stocks/005930/history"));
            expect4xx("limit", () -> given().queryParam("limit", bad).get("/api/v1/stocks"));
            expect4xx("market", () -> given().queryParam("market", bad).get("/api/v1/stocks"));
            expect4xx("cursor", () -> given().queryParam("cursor", bad).get("/api/v1/disclosures"));
            expect4xx("disclosure code", () -> given().queryParam("code", bad).get("/api/v1/disclosures"));
            expect4xx("completeness dataset", () -> given().queryParam("dataset", bad).get("/api/v1/ops/completeness"));
            expect4xx("completeness from", () -> given().queryParam("from", bad).get("/api/v1/ops/completeness"));
            expect4xx("POST code", () -> given().contentType("application/json")
                    .body("{\"code\":" + jsonString(bad) + "}").post("/api/v1/reports"));
            expect4xx("POST raw body", () -> given().contentType("application/json").body(bad).post("/api/v1/reports"));
            expectAnswered("search", () -> given().queryParam("q", bad).get("/api/v1/stocks"));
        }
        wrongMethodsAndContentTypes();
        LOG.infof("fuzz: %d requests, %d failures", requests, failures.size());
        assertThat(requests).isGreaterThanOrEqualTo(500);
        assertThat(failures).isEmpty();
    }

    private void wrongMethodsAndContentTypes() {
        for (String path : List.of("/api/v1/stocks", "/api/v1/stocks/005930", "/api/v1/stocks/005930/prices",
                "/api/v1/stocks/005930/indicators", "/api/v1/stocks/005930/prediction",
                "/api/v1/stocks/005930/history", "/api/v1/indices",
                "/api/v1/indices/1001/prices", "/api/v1/disclosures", "/api/v1/ops/sites", "/api/v1/ops/jobs",
                "/api/v1/ops/backfills", "/api/v1/ops/completeness")) {
            expect4xx("PUT " + path, () -> given().contentType("application/json").body("{}").put(path));
            expect4xx("DELETE " + path, () -> given().delete(path));
            expect4xx("PATCH " + path, () -> given().contentType("application/json").body("{}").patch(path));
            expect4xx("POST " + path, () -> given().contentType("application/json").body("{}").post(path));
            expect4xx("XML " + path, () -> given().accept("application/xml").get(path));
        }
        for (String type : List.of("text/plain", "application/xml", "application/octet-stream", "image/png")) {
            expect4xx("POST as " + type, () -> given().contentType(type)
                    .body("code=005930".getBytes(StandardCharsets.UTF_8)).post("/api/v1/reports"));
        }
        expect4xx("POST as form", () -> given().formParam("code", "005930").post("/api/v1/reports"));
        expect4xx("POST as multipart", () -> given().multiPart("code", "005930").post("/api/v1/reports"));
        expect4xx("DELETE report", () -> given().delete("/api/v1/reports/0b6f1c2e-9d0a-4a53-8f7e-2f5b6a1c9d10"));
        expect4xx("GET reports", () -> given().get("/api/v1/reports"));
        expect4xx("unknown path", () -> given().get("/api/v2/stocks"));
        // A URI with an invalid percent-escape (%zz) never reaches the application: Vert.x's HTTP codec answers
        // it with a bare 400 and closes the connection. Escapes that decode to bad characters do reach it.
        for (String target : List.of("/api/v1/stocks/005930/prices?from=%C3", "/api/v1/stocks/%00%00%00/prices",
                "/api/v1/stocks?limit=%C0%AF", "/api/v1/disclosures?cursor=%ED%A0%80")) {
            expect4xxOverSocket(target);
        }
        expect4xx("deep unknown path", () -> given().get("/api/v1/stocks/005930/prices/extra/segments"));
        expect4xx("empty JSON body", () -> given().contentType("application/json").body("").post("/api/v1/reports"));
        expect4xx("huge JSON body", () -> given().contentType("application/json")
                .body("{\"code\":\"" + "0".repeat(200_000) + "\"}").post("/api/v1/reports"));
        expect4xx("nested JSON", () -> given().contentType("application/json")
                .body("[".repeat(5_000) + "]".repeat(5_000)).post("/api/v1/reports"));
    }

    private void expect4xx(String what, Supplier<Response> call) {
        requests++;
        Response response = call.get();
        int status = response.statusCode();
        String type = response.contentType();
        if (status < 400 || status > 499 || type == null || !type.startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " " + type + " " + abbreviate(response.asString()));
        } else if (response.jsonPath().getInt("status") != status) {
            failures.add(what + " -> problem status differs from " + status);
        }
    }

    /** Targets no HTTP client library will send (broken percent-encoding), written on a plain socket. */
    private void expect4xxOverSocket(String target) {
        requests++;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            List<String> lines = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            String[] statusLine = lines.isEmpty() ? new String[0] : lines.getFirst().split(" ");
            int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
            boolean problem = lines.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type: application/problem+json"));
            if (status < 400 || status > 499 || !problem) {
                failures.add("raw GET " + target + " -> " + String.join(" | ", lines.subList(0, Math.min(6, lines.size()))));
            }
        } catch (IOException e) {
            failures.add("raw GET " + target + " -> " + e);
        }
    }

    private void expectAnswered(String what, Supplier<Response> call) {
        requests++;
        Response response = call.get();
        int status = response.statusCode();
        boolean ok = status == 200 || status == 400 && response.contentType().startsWith("application/problem+json");
        if (!ok) {
            failures.add(what + " -> " + status + " " + abbreviate(response.asString()));
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(40);
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0xAC00 + random.nextInt(11_172);
                case 2 -> 0x1F300 + random.nextInt(0x300);
                default -> random.nextInt(0x10000);
            };
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** Percent-encoded by the test itself, so RestAssured neither re-encodes nor reads {braces} as templates. */
    private static RequestSpecification raw() {
        return given().urlEncodingEnabled(false);
    }

    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u%04x".formatted((int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
