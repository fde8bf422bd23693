package io.kmarket.sandbox.source;

import static io.kmarket.sandbox.SandboxApi.krx;
import static io.kmarket.sandbox.SandboxApi.krxLogin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.sandbox.SandboxApi;
import io.quarkus.test.junit.QuarkusTest;

/** Naver fchart emulation compared with the recorded response in upstream-formats.md §3.1. */
@QuarkusTest
class NaverTest {

    private static final Pattern ITEM = Pattern.compile("<item data=\"(\\d{8})\\|(\\d+)\\|(\\d+)\\|(\\d+)\\|(\\d+)\\|(\\d+)\" />");

    @BeforeEach
    @AfterEach
    void reset() {
        SandboxApi.reset();
    }

    @Test
    void chartIsEucKrXmlOldestFirstWithTheLastCountBars() {
        byte[] body = chart("005930", "day", 30).then().statusCode(200)
                .header("Content-Type", "text/xml;charset=EUC-KR").extract().asByteArray();
        // "삼성전자" in EUC-KR, as in the recording's raw bytes.
        assertThat(indexOf(body, new byte[] {(byte) 0xbb, (byte) 0xef, (byte) 0xbc, (byte) 0xba, (byte) 0xc0,
            (byte) 0xfc, (byte) 0xc0, (byte) 0xda})).isPositive();
        String xml = new String(body, Charset.forName("EUC-KR"));
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"EUC-KR\" ?>\n\n<protocol>")
                .contains("<chartdata symbol=\"005930\" name=\"삼성전자\" count=\"30\" timeframe=\"day\" precision=\"0\"")
                .endsWith("</chartdata>\n</protocol>\n");
        List<String[]> items = items(xml);
        assertThat(items).hasSize(30);
        assertThat(items.getLast()[0]).isEqualTo("20260123");
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i)[0]).isGreaterThan(items.get(i - 1)[0]);
        }
        assertThat(items).noneMatch(item -> item[0].equals("20260101"));
    }

    @Test
    void pricesAreSplitAdjustedButVolumeIsAsTradedLikeTheRealSite() {
        List<String[]> items = items(new String(chart("005930", "day", 2500).then().statusCode(200).extract().asByteArray(),
                Charset.forName("EUC-KR")));
        String[] beforeSplit = items.stream().filter(i -> i[0].equals("20180427")).findFirst().orElseThrow();
        String session = krxLogin("naver-compare");
        List<Map<String, String>> raw = krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT01701",
                "isuCd", "KR7005930003", "strtDd", "20180427", "endDd", "20180504", "adjStkPrc", "1"))
                .then().statusCode(200).extract().jsonPath().getList("output");
        long rawClose = Long.parseLong(raw.getLast().get("TDD_CLSPRC").replace(",", ""));
        long rawVolume = Long.parseLong(raw.getLast().get("ACC_TRDVOL").replace(",", ""));
        // The split day's reference price over the last close before it is the factor of the earlier prices.
        long base = Long.parseLong(raw.getFirst().get("TDD_CLSPRC").replace(",", ""))
                - Long.parseLong(raw.getFirst().get("CMPPREVDD_PRC").replace(",", ""));
        assertThat(Long.parseLong(beforeSplit[4])).isEqualTo(Math.round(rawClose * ((double) base / rawClose)));
        // Naver adjusts prices for a later split but not the volume (seen in recorded real answers).
        assertThat(Long.parseLong(beforeSplit[5])).isEqualTo(rawVolume);
    }

    @Test
    void aHaltedDayIsZeroOpenHighLowAndVolumeWithTheStandingClose() {
        // Samsung was suspended 2018-04-30..05-03 before its 50:1 split: the real chart sends 0|0|0|close|0.
        List<String[]> items = items(new String(chart("005930", "day", 2500).then().statusCode(200).extract()
                .asByteArray(), Charset.forName("EUC-KR")));
        String[] halted = items.stream().filter(i -> i[0].equals("20180502")).findFirst().orElseThrow();
        String session = krxLogin("naver-halt");
        List<Map<String, String>> raw = krx(session, Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT01701",
                "isuCd", "KR7005930003", "strtDd", "20180502", "endDd", "20180504", "adjStkPrc", "1"))
                .then().statusCode(200).extract().jsonPath().getList("output");
        long rawClose = Long.parseLong(raw.getLast().get("TDD_CLSPRC").replace(",", ""));
        long base = Long.parseLong(raw.getFirst().get("TDD_CLSPRC").replace(",", ""))
                - Long.parseLong(raw.getFirst().get("CMPPREVDD_PRC").replace(",", ""));
        assertThat(halted).containsExactly("20180502", "0", "0", "0",
                Long.toString(Math.round(rawClose * ((double) base / rawClose))), "0");
    }

    @Test
    void theTruthAsNaverIsWhatTheChartServes() {
        List<String[]> items = items(new String(chart("005930", "day", 2500).then().statusCode(200).extract()
                .asByteArray(), Charset.forName("EUC-KR")));
        List<Map<String, Object>> truth = given().queryParam("from", "2018-04-26").queryParam("to", "2018-05-08")
                .queryParam("as", "naver").get("/sandbox/truth/prices/005930").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(truth).hasSize(7);
        for (Map<String, Object> row : truth) {
            String date = row.get("date").toString().replace("-", "");
            String[] item = items.stream().filter(i -> i[0].equals(date)).findFirst().orElseThrow();
            assertThat(new String[] {date, row.get("open").toString(), row.get("high").toString(),
                row.get("low").toString(), row.get("close").toString(), row.get("volume").toString()})
                    .containsExactly(item);
        }
        given().queryParam("as", "daum").get("/sandbox/truth/prices/005930").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void weeklyBarsAggregateDays() {
        List<String[]> weeks = items(new String(chart("000660", "week", 5).then().statusCode(200).extract().asByteArray(),
                Charset.forName("EUC-KR")));
        List<String[]> days = items(new String(chart("000660", "day", 40).then().extract().asByteArray(),
                Charset.forName("EUC-KR")));
        assertThat(weeks).hasSize(5);
        String[] lastWeek = weeks.getLast();
        List<String[]> sameWeek = days.stream().filter(d -> d[0].compareTo(lastWeek[0]) >= 0).toList();
        assertThat(lastWeek[4]).isEqualTo(sameWeek.getLast()[4]);
        assertThat(Long.parseLong(lastWeek[5])).isEqualTo(sameWeek.stream().mapToLong(d -> Long.parseLong(d[5])).sum());
        assertThat(Long.parseLong(lastWeek[2])).isEqualTo(sameWeek.stream().mapToLong(d -> Long.parseLong(d[2])).max().orElseThrow());
    }

    @Test
    void unknownSymbolHasNoItems() {
        String xml = new String(chart("999999", "day", 10).then().statusCode(200).extract().asByteArray(),
                Charset.forName("EUC-KR"));
        assertThat(items(xml)).isEmpty();
    }

    @Test
    void overTheRateAnswers429AndIsCounted() {
        SandboxApi.limits("{\"naverRequestsPerSecond\":1}");
        chart("005930", "day", 1).then().statusCode(200);
        chart("005930", "day", 1).then().statusCode(429).header("Retry-After", "1");
        assertThat(SandboxApi.stat("naver", "violations", "rate")).isEqualTo(1);
    }

    private static io.restassured.response.Response chart(String symbol, String timeframe, int count) {
        return given().queryParam("symbol", symbol).queryParam("timeframe", timeframe).queryParam("count", count)
                .queryParam("requestType", 0).get("/naver/sise.nhn");
    }

    private static List<String[]> items(String xml) {
        Matcher m = ITEM.matcher(xml);
        List<String[]> items = new java.util.ArrayList<>();
        while (m.find()) {
            items.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)});
        }
        return items;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
