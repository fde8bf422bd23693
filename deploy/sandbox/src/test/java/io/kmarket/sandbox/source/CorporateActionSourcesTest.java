package io.kmarket.sandbox.source;

import static io.kmarket.sandbox.SandboxApi.krx;
import static io.kmarket.sandbox.SandboxApi.krxLogin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.sandbox.KrxRules;
import io.kmarket.sandbox.SandboxApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The corporate actions as the sources reveal them, checked against the ground truth with the Korean rules
 * recomputed here: KRX's reference prices and listed shares, its dividend and change screens, Naver's adjusted
 * chart and KIS's ex-rights codes.
 */
@QuarkusTest
class CorporateActionSourcesTest {

    private static final String ONE_STOCK = "dbms/MDC/STAT/standard/MDCSTAT01701";
    private static final String ALL_STOCKS = "dbms/MDC/STAT/standard/MDCSTAT01501";
    private static final String DIVIDENDS = "dbms/MDC/STAT/issue/MDCSTAT20901";
    private static final String CHANGES = "dbms/MDC/HARD/MDCHARD04801";
    private static final List<String> TRUTH_FIELDS = List.of("code", "exDate", "type", "sharesMultiplier",
            "cashAmount", "issuePrice", "previousClose", "referencePrice", "priceFactor", "sharesBefore",
            "sharesAfter", "sharesChangedOn", "parBefore", "parAfter", "revealedOn");
    private static final List<String> DIVIDEND_FIELDS = List.of("ISU_CD", "ISU_NM", "BZ_YY", "ACNTCLS_MM",
            "IDX_IND_NM", "DIV_YD", "PERSHR_DIV_CMSTK_SHRS", "PARVAL", "LIST_SHRS", "CMSTK_DPS", "DIV_INCLIN",
            "DIV_TOTAMT", "MKTPRC_CMSTK_DIV_RT");
    private static final List<String> CHANGE_FIELDS = List.of("DD", "BFCOM", "AFCOM", "BFIND", "AFIND", "BFPAR",
            "AFPAR", "BFCEO", "AFCEO");
    private static final List<String> TYPES = List.of("split", "reverse_split", "capital_reduction", "bonus_issue",
            "rights_offering", "stock_dividend", "cash_dividend");
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 23);
    private static final Pattern ITEM = Pattern.compile("<item data=\"(\\d{8})\\|(\\d+)\\|(\\d+)\\|(\\d+)\\|(\\d+)\\|(\\d+)\" />");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    @AfterEach
    void reset() {
        SandboxApi.reset();
    }

    private static List<Map<String, Object>> truth(Map<String, String> query) throws Exception {
        String body = given().queryParams(query).get("/sandbox/truth/actions").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString();
        return JSON.readValue(body, new TypeReference<>() {
        });
    }

    /** The first action of each type, of a stock that is still listed (so every source still serves it). */
    private static Map<String, Map<String, Object>> firstOfEachType(List<Map<String, Object>> actions,
            boolean sharesListed) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map<String, Object> action : actions) {
            if (!sharesListed || action.get("type").equals("cash_dividend") || action.get("sharesChangedOn") != null) {
                result.putIfAbsent((String) action.get("type"), action);
            }
        }
        return result;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static long krxNumber(String value) {
        return Long.parseLong(value.replace(",", ""));
    }

    private static String isin(String code) {
        return given().queryParam("code", code).get("/sandbox/truth/stock-history").then().statusCode(200)
                .extract().jsonPath().getString("[0].isin");
    }

    @Test
    void truthListsEveryKindUpToTodayWithReferencePricesByTheRules() throws Exception {
        List<Map<String, Object>> actions = truth(Map.of());
        Map<String, Long> counts = actions.stream().collect(Collectors.groupingBy(a -> (String) a.get("type"),
                Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(TYPES);
        assertThat(counts.values()).allMatch(count -> count >= 3);
        for (Map<String, Object> a : actions) {
            assertThat(new ArrayList<>(a.keySet())).isEqualTo(TRUTH_FIELDS);
            assertThat(LocalDate.parse((String) a.get("exDate"))).isBeforeOrEqualTo(TODAY);
            long p = number(a.get("previousClose"));
            long base = number(a.get("referencePrice"));
            String type = (String) a.get("type");
            double factor = ((Number) a.get("priceFactor")).doubleValue();
            if (type.equals("cash_dividend")) {
                assertThat(base).isEqualTo(p);
                assertThat(a.get("sharesMultiplier")).isNull();
                assertThat(a.get("sharesChangedOn")).isNull();
                assertThat(factor).isEqualTo((p - number(a.get("cashAmount"))) / (double) p);
                assertThat(a.get("revealedOn")).isEqualTo((LocalDate.parse((String) a.get("exDate")).getYear() + 1) + "-04-01");
                continue;
            }
            double m = ((Number) a.get("sharesMultiplier")).doubleValue();
            long expected = switch (type) {
                case "split" -> KrxRules.tick(p / m);
                case "reverse_split", "capital_reduction" -> KrxRules.tick(p * Math.round(1 / m));
                case "rights_offering" -> Math.round((p + number(a.get("issuePrice")) * (m - 1)) / m);
                default -> KrxRules.tick(p / m);
            };
            assertThat(base).as("%s", a).isEqualTo(expected);
            assertThat(factor).isEqualTo(base / (double) p);
            assertThat(a.get("revealedOn")).isEqualTo(a.get("exDate"));
        }
        assertThat(truth(Map.of("code", "005930"))).anySatisfy(a -> {
            assertThat(a).containsEntry("exDate", "2018-05-04").containsEntry("type", "split")
                    .containsEntry("parBefore", 5000).containsEntry("parAfter", 100)
                    .containsEntry("sharesAfter", 6_419_324_700L);
            assertThat(((Number) a.get("sharesMultiplier")).doubleValue()).isEqualTo(50.0);
        });
        String csv = given().queryParam("format", "csv").queryParam("code", "005930").get("/sandbox/truth/actions")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", TRUTH_FIELDS));
        assertThat(truth(Map.of("from", "2018-05-04", "to", "2018-05-04", "code", "005930")))
                .extracting(a -> a.get("type")).containsExactly("split");
        given().queryParam("code", "NOPE00").get("/sandbox/truth/actions").then().statusCode(404);
        // The splits endpoint stays, derived from the same actions.
        given().get("/sandbox/truth/splits").then().statusCode(200)
                .body("find { it.code == '035420' }.date", org.hamcrest.Matchers.equalTo("2018-10-12"));
    }

    @Test
    void krxDailyRowsShowTheReferencePriceTheShareStepAndTheAdjustedSeries() throws Exception {
        List<Map<String, Object>> actions = truth(Map.of());
        Map<String, List<Map<String, Object>>> byCode = actions.stream()
                .collect(Collectors.groupingBy(a -> (String) a.get("code")));
        String session = krxLogin("actions-daily");
        for (Map<String, Object> a : firstOfEachType(actions, true).values()) {
            String code = (String) a.get("code");
            LocalDate ex = LocalDate.parse((String) a.get("exDate"));
            LocalDate changed = a.get("sharesChangedOn") == null ? ex : LocalDate.parse((String) a.get("sharesChangedOn"));
            Map<String, String> form = new HashMap<>(Map.of("bld", ONE_STOCK, "isuCd", isin(code),
                    "strtDd", ex.minusDays(40).format(Formats.BASIC), "endDd", changed.plusDays(7).format(Formats.BASIC),
                    "adjStkPrc", "1"));
            List<Map<String, String>> raw = krx(session, form).then().statusCode(200).extract().jsonPath().getList("output");
            int exRow = indexOf(raw, ex);
            Map<String, String> onEx = raw.get(exRow);
            Map<String, String> before = raw.get(exRow + 1);
            assertThat(krxNumber(onEx.get("TDD_CLSPRC")) - krxNumber(onEx.get("CMPPREVDD_PRC")))
                    .as("%s base", a).isEqualTo(number(a.get("referencePrice")));
            assertThat(krxNumber(before.get("TDD_CLSPRC"))).isEqualTo(number(a.get("previousClose")));
            int changedRow = indexOf(raw, changed);
            assertThat(krxNumber(raw.get(changedRow).get("LIST_SHRS"))).as("%s shares", a).isEqualTo(number(a.get("sharesAfter")));
            assertThat(krxNumber(raw.get(changedRow + 1).get("LIST_SHRS"))).isEqualTo(number(a.get("sharesBefore")));

            // The whole market's screen of the ex-date shows the same step.
            List<Map<String, String>> market = krx(session, Map.of("bld", ALL_STOCKS, "mktId", "ALL",
                    "trdDd", ex.format(Formats.BASIC))).then().statusCode(200).extract().jsonPath().getList("OutBlock_1");
            Map<String, String> row = market.stream().filter(r -> code.equals(r.get("ISU_SRT_CD"))).findFirst().orElseThrow();
            assertThat(krxNumber(row.get("TDD_CLSPRC")) - krxNumber(row.get("CMPPREVDD_PRC"))).isEqualTo(number(a.get("referencePrice")));
            assertThat(row.get("LIST_SHRS")).isEqualTo(onEx.get("LIST_SHRS"));

            // adjStkPrc=2: the day before is multiplied by every later reference-price factor of the stock.
            double later = 1;
            for (Map<String, Object> other : byCode.get(code)) {
                if (!other.get("type").equals("cash_dividend") && LocalDate.parse((String) other.get("exDate")).isAfter(ex.minusDays(1))) {
                    later *= ((Number) other.get("priceFactor")).doubleValue();
                }
            }
            form.put("adjStkPrc", "2");
            List<Map<String, String>> adjusted = krx(session, form).then().statusCode(200).extract().jsonPath().getList("output");
            assertThat(krxNumber(adjusted.get(exRow + 1).get("TDD_CLSPRC")))
                    .isEqualTo(Math.round(number(a.get("previousClose")) * later));
            assertThat(adjusted.get(exRow + 1).get("LIST_SHRS")).isEqualTo(before.get("LIST_SHRS"));
        }
    }

    private static int indexOf(List<Map<String, String>> rows, LocalDate date) {
        String slashed = date.format(Formats.SLASHED);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get("TRD_DD").equals(slashed)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + date);
    }

    @Test
    void dividendsOfAYearAreListedFromAprilFirstOfTheNextYear() throws Exception {
        String session = krxLogin("actions-dividends");
        Map<String, String> fy2025 = Map.of("bld", DIVIDENDS, "mktId", "ALL", "basYy", "2025", "indTpCd", "1",
                "isuCd", "ALL", "isuCd2", "ALL", "share", "1", "money", "1");
        assertThat(krx(session, fy2025).then().statusCode(200).extract().jsonPath().getList("output")).isEmpty();
        List<Map<String, String>> fy2024 = krx(session, Map.of("bld", DIVIDENDS, "mktId", "ALL", "basYy", "2024",
                "indTpCd", "1")).then().statusCode(200).extract().jsonPath().getList("output");
        assertThat(fy2024).isNotEmpty().allSatisfy(row -> {
            assertThat(new ArrayList<>(row.keySet())).isEqualTo(DIVIDEND_FIELDS);
            assertThat(row.get("BZ_YY")).isEqualTo("2024");
            assertThat(row.get("ACNTCLS_MM")).isEqualTo("12");
        });
        assertThat(dividendsOf(fy2024)).isEqualTo(truthDividendsOf(2024));

        SandboxApi.advanceClock("PT1800H"); // 75 days: into April 2026
        List<Map<String, String>> shown = krx(krxLogin("actions-dividends-2"), fy2025).then().statusCode(200)
                .extract().jsonPath().getList("output");
        assertThat(dividendsOf(shown)).isNotEmpty().isEqualTo(truthDividendsOf(2025));
        List<Map<String, String>> twoYears = krx(krxLogin("actions-dividends-3"), Map.of("bld", DIVIDENDS, "mktId", "ALL",
                "basYy", "2025", "indTpCd", "2")).then().statusCode(200).extract().jsonPath().getList("output");
        assertThat(twoYears).hasSize(shown.size() + fy2024.size());
    }

    /** code → "cash|stock" as the screen shows them. */
    private static Map<String, String> dividendsOf(List<Map<String, String>> rows) {
        Map<String, String> result = new HashMap<>();
        for (Map<String, String> row : rows) {
            result.put(row.get("ISU_CD"), row.get("CMSTK_DPS").replace(",", "") + "|" + row.get("PERSHR_DIV_CMSTK_SHRS"));
        }
        return result;
    }

    private static Map<String, String> truthDividendsOf(int year) throws Exception {
        Map<String, String> result = new HashMap<>();
        for (Map<String, Object> a : truth(Map.of("from", year + "-12-01", "to", year + "-12-31"))) {
            String[] cashAndStock = result.getOrDefault(a.get("code"), "-|-").split("\\|");
            if (a.get("type").equals("cash_dividend")) {
                cashAndStock[0] = String.valueOf(number(a.get("cashAmount")));
            } else if (a.get("type").equals("stock_dividend")) {
                cashAndStock[1] = new java.math.BigDecimal(String.valueOf(((Number) a.get("sharesMultiplier")).doubleValue() - 1))
                        .setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            } else {
                continue;
            }
            result.put((String) a.get("code"), cashAndStock[0] + "|" + cashAndStock[1]);
        }
        return result;
    }

    @Test
    void changeHistoryHasTheParChangesOfSplitsAndConsolidationsButNoneForCapitalReductions() throws Exception {
        String session = krxLogin("actions-changes");
        int splits = 0;
        int reductions = 0;
        for (Map<String, Object> a : truth(Map.of())) {
            String type = (String) a.get("type");
            if (!List.of("split", "reverse_split", "capital_reduction").contains(type)) {
                continue;
            }
            List<Map<String, String>> rows = krx(session, Map.of("bld", CHANGES, "isuCd", isin((String) a.get("code"))))
                    .then().statusCode(200).extract().jsonPath().getList("block1");
            rows.forEach(row -> assertThat(new ArrayList<>(row.keySet())).isEqualTo(CHANGE_FIELDS));
            for (int i = 1; i < rows.size(); i++) {
                assertThat(rows.get(i).get("DD")).isLessThanOrEqualTo(rows.get(i - 1).get("DD"));
            }
            String day = LocalDate.parse((String) a.get("exDate")).format(Formats.SLASHED);
            List<Map<String, String>> onDay = rows.stream().filter(r -> r.get("DD").equals(day)).toList();
            if (type.equals("capital_reduction")) {
                assertThat(onDay).isEmpty();
                reductions++;
                continue;
            }
            double m = ((Number) a.get("sharesMultiplier")).doubleValue();
            long parBefore = number(a.get("parBefore"));
            long parAfter = type.equals("split") ? parBefore / Math.round(m) : parBefore * Math.round(1 / m);
            assertThat(onDay).singleElement().satisfies(row -> {
                assertThat(krxNumber(row.get("BFPAR"))).isEqualTo(parBefore);
                assertThat(krxNumber(row.get("AFPAR"))).isEqualTo(parAfter);
                assertThat(row.get("BFCOM")).isEqualTo(row.get("AFCOM"));
            });
            splits++;
        }
        assertThat(splits).isGreaterThanOrEqualTo(6);
        assertThat(reductions).isGreaterThanOrEqualTo(3);
        assertThat(krx(session, Map.of("bld", CHANGES, "isuCd", "KR7999999999")).then().statusCode(200)
                .extract().jsonPath().getList("block1")).isEmpty();
    }

    @Test
    void naverIsContinuousAcrossSplitsButNotAcrossCapitalReductions() throws Exception {
        int checked = 0;
        for (Map<String, Object> a : truth(Map.of())) {
            String type = (String) a.get("type");
            if (!type.equals("split") && !type.equals("capital_reduction") || checked >= 8) {
                continue;
            }
            String code = (String) a.get("code");
            LocalDate ex = LocalDate.parse((String) a.get("exDate"));
            List<String[]> items = items(new String(given().queryParam("symbol", code).queryParam("timeframe", "day")
                    .queryParam("count", 4000).queryParam("requestType", 0).get("/naver/sise.nhn").then()
                    .statusCode(200).extract().asByteArray(), Charset.forName("EUC-KR")));
            int exItem = -1;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i)[0].equals(ex.format(Formats.BASIC))) {
                    exItem = i;
                }
            }
            if (exItem < 1) {
                continue;
            }
            double naverMove = Double.parseDouble(items.get(exItem)[4]) / Double.parseDouble(items.get(exItem - 1)[4]);
            List<Map<String, Object>> day = JSON.readValue(given().queryParam("from", ex.toString())
                    .queryParam("to", ex.toString()).get("/sandbox/truth/prices/" + code).then().statusCode(200)
                    .extract().asString(), new TypeReference<>() {
                    });
            long close = number(day.getFirst().get("close"));
            double marketMove = close / ((Number) a.get("referencePrice")).doubleValue();
            if (type.equals("split")) {
                assertThat(naverMove).as("%s", a).isCloseTo(marketMove, within(0.02 * marketMove));
            } else {
                // Naver misses the re-valuation: its chart jumps by the whole reduction ratio.
                double rawMove = close / ((Number) a.get("previousClose")).doubleValue();
                assertThat(naverMove).as("%s", a).isCloseTo(rawMove, within(0.02 * rawMove)).isGreaterThan(1.3);
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    private static List<String[]> items(String xml) {
        Matcher m = ITEM.matcher(xml);
        List<String[]> items = new ArrayList<>();
        while (m.find()) {
            items.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)});
        }
        return items;
    }

    @Test
    void kisMarksTheDividendExDateInItsDailyRows() throws Exception {
        Map<String, Object> dividend = truth(Map.of("from", "2025-12-29", "to", "2025-12-29")).stream()
                .filter(a -> a.get("type").equals("cash_dividend")).findFirst().orElseThrow();
        String token = given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"app-actions\",\"appsecret\":\"secret\"}")
                .post("/kis/oauth2/tokenP").then().statusCode(200).extract().path("access_token");
        List<Map<String, String>> rows = given().header("authorization", "Bearer " + token).header("appkey", "app-actions")
                .header("appsecret", "secret").header("tr_id", "FHKST01010400").header("custtype", "P")
                .queryParam("FID_COND_MRKT_DIV_CODE", "J").queryParam("FID_INPUT_ISCD", dividend.get("code"))
                .queryParam("FID_PERIOD_DIV_CODE", "D").queryParam("FID_ORG_ADJ_PRC", "0")
                .get("/kis/uapi/domestic-stock/v1/quotations/inquire-daily-price").then().statusCode(200)
                .extract().jsonPath().getList("output");
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("flng_cls_code"))
                .isEqualTo(row.get("stck_bsop_date").equals("20251229") ? "02" : "00"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get("stck_bsop_date")).isEqualTo("20251229"));
    }
}
