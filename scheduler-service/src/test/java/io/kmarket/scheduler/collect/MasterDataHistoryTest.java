package io.kmarket.scheduler.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Names, markets and ISINs keep their history: KRX over HTTP (WireMock) in its real answer formats, stored in the
 * real PostgreSQL. The three stocks are real cases: DB금융투자 became DB증권, DGB금융지주 became iM금융지주, and
 * NICE평가정보 moved from KOSDAQ to KOSPI.
 */
@QuarkusTest
class MasterDataHistoryTest {

    static final String DAILY = "dbms/MDC/STAT/standard/MDCSTAT01501";
    static final String CODES = "('016610', '139130', '030190')";

    record Identity(String code, String isin, String name, String market) {
    }

    static final Identity DB_NOW = new Identity("016610", "KR7016610008", "DB증권", "STK");
    static final Identity DB_THEN = new Identity("016610", "KR7016610008", "DB금융투자", "STK");
    static final Identity IM_NOW = new Identity("139130", "KR7139130009", "iM금융지주", "STK");
    static final Identity DGB_THEN = new Identity("139130", "KR7139130009", "DGB금융지주", "STK");
    static final Identity NICE_NOW = new Identity("030190", "KR7030190003", "NICE평가정보", "STK");
    static final Identity NICE_THEN = new Identity("030190", "KR7030190003", "NICE평가정보", "KSQ");

    /** Four market days: the old identities on the first two, the new ones on the last two. */
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2021, 1, 22), LocalDate.of(2021, 1, 25),
            LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 4));

    @Inject
    CollectionService collection;

    private final List<StubMapping> stubs = new ArrayList<>();

    @BeforeEach
    void krx() {
        KrxStub.install();
        forgetTheseStocks();
        // Today's listings, stamped by KRX with the moment of the answer (2026-01-25).
        stub("dbms/comm/finder/finder_stkisu", Map.of("mktsel", "ALL", "searchText", "&typeNo"),
                finder(DB_NOW, IM_NOW, NICE_NOW));
        stub("dbms/MDC/STAT/standard/MDCSTAT01901", Map.of("mktId", "ALL"), "{\"OutBlock_1\":[],"
                + "\"CURRENT_DATETIME\":\"2026.01.25 PM 09:32:47\"}");
        stub("dbms/comm/finder/finder_listdelisu", Map.of("mktsel", "ALL"), "{\"block1\":[],"
                + "\"CURRENT_DATETIME\":\"2026.01.25 PM 09:32:48\"}");
        for (LocalDate day : DAYS) {
            boolean old = day.getYear() < 2025;
            String trdDd = day.toString().replace("-", "");
            stub(DAILY, Map.of("mktId", "STK", "trdDd", trdDd), old ? daily(DB_THEN, DGB_THEN)
                    : daily(DB_NOW, IM_NOW, NICE_NOW));
            stub(DAILY, Map.of("mktId", "KSQ", "trdDd", trdDd), old ? daily(NICE_THEN) : daily());
        }
    }

    @AfterEach
    void removeStubs() {
        // Other classes stub the listings with their own samples: leave them nothing of these answers.
        stubs.forEach(UpstreamStub.server()::removeStub);
        forgetTheseStocks();
    }

    @Test
    void anOldDayCollectedAfterTheListingsKeepsTodaysRowAndAddsItsOwnIdentityToTheHistory() {
        collectListings();
        collectDay(DAYS.getFirst());

        assertThat(Db.rows("SELECT code, isin, name_ko, market FROM market.stocks WHERE code IN " + CODES
                + " ORDER BY code")).containsExactly("016610|KR7016610008|DB증권|STK",
                        "030190|KR7030190003|NICE평가정보|STK", "139130|KR7139130009|iM금융지주|STK");
        assertThat(history()).containsExactly(
                "016610|2021-01-22|2021-01-22|DB금융투자|STK|KR7016610008",
                "016610|2026-01-25|2026-01-25|DB증권|STK|KR7016610008",
                "030190|2021-01-22|2021-01-22|NICE평가정보|KSQ|KR7030190003",
                "030190|2026-01-25|2026-01-25|NICE평가정보|STK|KR7030190003",
                "139130|2021-01-22|2021-01-22|DGB금융지주|STK|KR7139130009",
                "139130|2026-01-25|2026-01-25|iM금융지주|STK|KR7139130009");
    }

    @Test
    void newestFirstGivesTheSameHistoryAndCurrentRowAsOldestFirst() {
        DAYS.forEach(this::collectDay);
        collectListings();
        List<String> oldestFirst = history();
        List<String> currentOldestFirst = current();
        forgetTheseStocks();

        collectListings();
        DAYS.reversed().forEach(this::collectDay);
        List<String> newestFirst = history();
        List<String> currentNewestFirst = current();
        forgetTheseStocks();

        // Out of any order: the middle days last, so each one lands inside or next to runs already stored.
        for (int i : new int[] {3, 0, 2, 1}) {
            collectDay(DAYS.get(i));
        }
        collectListings();
        collectDay(DAYS.get(1));

        assertThat(oldestFirst).containsExactly(
                "016610|2021-01-22|2021-01-25|DB금융투자|STK|KR7016610008",
                "016610|2025-02-03|2026-01-25|DB증권|STK|KR7016610008",
                "030190|2021-01-22|2021-01-25|NICE평가정보|KSQ|KR7030190003",
                "030190|2025-02-03|2026-01-25|NICE평가정보|STK|KR7030190003",
                "139130|2021-01-22|2021-01-25|DGB금융지주|STK|KR7139130009",
                "139130|2025-02-03|2026-01-25|iM금융지주|STK|KR7139130009");
        assertThat(newestFirst).isEqualTo(oldestFirst);
        assertThat(history()).isEqualTo(oldestFirst);
        assertThat(currentNewestFirst).isEqualTo(currentOldestFirst).containsExactly(
                "016610|KR7016610008|DB증권|STK|2026-01-25", "030190|KR7030190003|NICE평가정보|STK|2026-01-25",
                "139130|KR7139130009|iM금융지주|STK|2026-01-25");
        assertThat(current()).isEqualTo(currentOldestFirst);
    }

    @Test
    void aDayInsideARunOfAnotherIdentitySplitsItWithoutOverlap() {
        // The first day answered with the new name (as if KRX had corrected it): one run over four years.
        stub(DAILY, Map.of("mktId", "STK", "trdDd", "20210122"), daily(DB_NOW, IM_NOW));
        collectDay(DAYS.get(0));
        collectDay(DAYS.get(3));
        collectDay(DAYS.get(1));

        assertThat(history()).filteredOn(row -> row.startsWith("016610")).containsExactly(
                "016610|2021-01-22|2021-01-24|DB증권|STK|KR7016610008",
                "016610|2021-01-25|2021-01-25|DB금융투자|STK|KR7016610008",
                "016610|2021-01-26|2025-02-04|DB증권|STK|KR7016610008");
        assertThat(Db.count("""
                SELECT count(*) FROM market.stock_master_history a JOIN market.stock_master_history b
                  ON a.code = b.code AND a.valid_from < b.valid_from AND a.valid_to >= b.valid_from""")).isZero();
        assertThat(current()).first().isEqualTo("016610|KR7016610008|DB증권|STK|2025-02-04");
    }

    private void collectListings() {
        CollectionRunSummary run = collection.run(new CollectionPlan("listings", List.of(
                new CollectionTask("KRX", Dataset.LISTINGS, "ALL", DAYS.getFirst(), DAYS.getFirst()))),
                ProgressListener.NONE);
        // The task is dated in 2021 on purpose: the finder answers today's listings whatever the task's day.
        assertThat(run.allSucceeded()).isTrue();
    }

    private void collectDay(LocalDate day) {
        CollectionRunSummary run = collection.run(new CollectionPlan("day " + day, List.of(
                new CollectionTask("KRX", Dataset.DAILY_MARKET, "STK", day, day),
                new CollectionTask("KRX", Dataset.DAILY_MARKET, "KSQ", day, day))), ProgressListener.NONE);
        assertThat(run.allSucceeded()).isTrue();
    }

    private static List<String> history() {
        return Db.rows("SELECT code, valid_from, valid_to, name_ko, market, isin FROM market.stock_master_history"
                + " WHERE code IN " + CODES + " ORDER BY code, valid_from");
    }

    private static List<String> current() {
        return Db.rows("SELECT code, isin, name_ko, market, master_observed_on FROM market.stocks WHERE code IN "
                + CODES + " ORDER BY code");
    }

    private static void forgetTheseStocks() {
        Db.execute("DELETE FROM market.stock_master_history WHERE code IN " + CODES,
                "DELETE FROM market.daily_prices WHERE code IN " + CODES,
                "DELETE FROM market.stocks WHERE code IN " + CODES);
    }

    private void stub(String bld, Map<String, String> fields, String body) {
        stubs.add(UpstreamStub.server().stubFor(KrxStub.data(bld, fields)
                .willReturn(KrxStub.json(body.getBytes(StandardCharsets.UTF_8)))));
    }

    /** finder_stkisu as KRX answers it (upstream-formats.md §1.4 (c)). */
    private static String finder(Identity... stocks) {
        StringBuilder rows = new StringBuilder();
        for (Identity s : stocks) {
            rows.append(rows.isEmpty() ? "" : ",").append("""
                    {"full_code":"%s","short_code":"%s","codeName":"%s","marketCode":"%s","marketName":"%s",\
                    "marketEngName":"%s","ord1":"","ord2":"16"}""".formatted(s.isin(), s.code(), s.name(),
                    s.market(), s.market().equals("STK") ? "유가증권" : "코스닥",
                    s.market().equals("STK") ? "KOSPI" : "KOSDAQ"));
        }
        return "{\"block1\":[" + rows + "],\"CURRENT_DATETIME\":\"2026.01.25 PM 09:32:46\"}";
    }

    /** MDCSTAT01501 rows of one market and day as KRX answers them (upstream-formats.md §1.4 (a)). */
    private static String daily(Identity... stocks) {
        StringBuilder rows = new StringBuilder();
        for (Identity s : stocks) {
            rows.append(rows.isEmpty() ? "" : ",").append("""
                    {"ISU_SRT_CD":"%s","ISU_CD":"%s","ISU_ABBRV":"%s","MKT_NM":"%s","SECT_TP_NM":"%s",\
                    "TDD_CLSPRC":"4,210","FLUC_TP_CD":"1","CMPPREVDD_PRC":"35","FLUC_RT":"0.84",\
                    "TDD_OPNPRC":"4,190","TDD_HGPRC":"4,245","TDD_LWPRC":"4,160","ACC_TRDVOL":"216,835",\
                    "ACC_TRDVAL":"910,274,405","MKTCAP":"197,121,861,950","LIST_SHRS":"46,822,295","MKT_ID":"%s"}\
                    """.formatted(s.code(), s.isin(), s.name(), s.market().equals("STK") ? "KOSPI" : "KOSDAQ",
                    s.market().equals("STK") ? "" : "우량기업부", s.market()));
        }
        return "{\"OutBlock_1\":[" + rows + "],\"CURRENT_DATETIME\":\"2026.01.25 PM 08:27:25\"}";
    }
}
