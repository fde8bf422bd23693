package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.store.MarketRow;
import io.kmarket.scheduler.collect.store.MarketWriter;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.engine.JobAction;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;

/**
 * The evidence corporate actions are derived from, collected from KRX (WireMock) into the real PostgreSQL: the
 * reference price of each day (MDCSTAT01501/01701), the dividend listings (MDCSTAT20901), the par value history
 * (MDCHARD04801), and the action-evidence job that decides what to ask for.
 * <p>
 * The MDCSTAT20901 and MDCHARD04801 bodies are shaped from the field lists of upstream-formats-2.md §A.8–A.9 (no
 * recorded answer exists), in KRX's usual string form: thousands separators, "-" for none, {@code 무액면}.
 */
@QuarkusTest
class ActionEvidenceTest {

    static final String DAILY = "dbms/MDC/STAT/standard/MDCSTAT01501";
    static final String HISTORY = "dbms/MDC/STAT/standard/MDCSTAT01701";
    static final String DIVIDENDS = "dbms/MDC/STAT/issue/MDCSTAT20901";
    static final String PAR_HISTORY = "dbms/MDC/HARD/MDCHARD04801";
    static final LocalDate RUN_DATE = LocalDate.of(2026, 5, 11);

    static final String DIVIDENDS_STK_2025 = """
            {"output":[\
            {"ISU_CD":"AE0001","ISU_NM":"병합전자","BZ_YY":"2025","ACNTCLS_MM":"12","IDX_IND_NM":"전기·전자",\
            "DIV_YD":"2.35","PERSHR_DIV_CMSTK_SHRS":"-","PARVAL":"500","LIST_SHRS":"2,000,000","CMSTK_DPS":"1,200",\
            "DIV_INCLIN":"25.10","DIV_TOTAMT":"2,400,000,000","MKTPRC_CMSTK_DIV_RT":"2.35"},\
            {"ISU_CD":"AE0006","ISU_NM":"주식배당","BZ_YY":"2025","ACNTCLS_MM":"12","IDX_IND_NM":"제약",\
            "DIV_YD":"-","PERSHR_DIV_CMSTK_SHRS":"0.05","PARVAL":"무액면","LIST_SHRS":"31,500,000","CMSTK_DPS":"-",\
            "DIV_INCLIN":"-","DIV_TOTAMT":"-","MKTPRC_CMSTK_DIV_RT":"-"},\
            {"ISU_CD":"AE0007","ISU_NM":"삼월결산","BZ_YY":"2025","ACNTCLS_MM":"3","IDX_IND_NM":"화학",\
            "DIV_YD":"1.10","PERSHR_DIV_CMSTK_SHRS":"0.02","PARVAL":"5,000","LIST_SHRS":"10,000,000",\
            "CMSTK_DPS":"150","DIV_INCLIN":"12.50","DIV_TOTAMT":"1,500,000,000","MKTPRC_CMSTK_DIV_RT":"1.10"},\
            {"ISU_CD":"KR7AE0008003","ISU_NM":"코드아님","BZ_YY":"2025","ACNTCLS_MM":"12","IDX_IND_NM":"화학",\
            "DIV_YD":"1.00","PERSHR_DIV_CMSTK_SHRS":"-","PARVAL":"500","LIST_SHRS":"1,000","CMSTK_DPS":"10",\
            "DIV_INCLIN":"5.00","DIV_TOTAMT":"10,000","MKTPRC_CMSTK_DIV_RT":"1.00"}],\
            "CURRENT_DATETIME":"2026.05.11 PM 06:00:00"}""";

    /** The dividend rows DIVIDENDS_STK_2025 stands for, as market.dividends stores them. */
    static final List<String> STORED_DIVIDENDS = List.of(
            "AE0001|2025|12|1200.00|null|2.35|25.10|2400000000|500|2000000|KRX",
            "AE0006|2025|12|null|0.05000000|null|null|null|null|31500000|KRX",
            "AE0007|2025|3|150.00|0.02000000|1.10|12.50|1500000000|5000|10000000|KRX");

    @Inject
    CollectionService collection;

    @Inject
    ActionEvidencePlan plans;

    @Inject
    MarketWriter writer;

    @Inject
    MovingClock clock;

    @Inject
    @Identifier(JobNames.ACTION_EVIDENCE)
    JobAction action;

    @BeforeEach
    void krx() {
        clock.set(seoul("2026-05-11T18:00:00"));
        KrxStub.install();
        Db.execute("DELETE FROM ops.fetch_execution_logs WHERE dataset IN ('DIVIDENDS', 'PAR_CHANGES')",
                "DELETE FROM market.dividends WHERE code LIKE 'AE%'",
                "DELETE FROM market.par_value_changes WHERE code LIKE 'AE%'",
                "DELETE FROM market.par_value_history_checks WHERE code LIKE 'AE%'",
                "DELETE FROM market.daily_prices WHERE code LIKE 'AE%'");
    }

    @Test
    void theReferencePriceIsTheCloseLessKrxsChangeAndASourceWithoutOneKeepsIt() {
        UpstreamStub.server().stubFor(KrxStub.data("dbms/comm/finder/finder_stkisu", Map.of("searchText", "005930"))
                .willReturn(KrxStub.json("""
                        {"block1":[{"full_code":"KR7005930003","short_code":"005930","codeName":"삼성전자",\
                        "marketCode":"STK","marketName":"유가증권","marketEngName":"KOSPI","ord1":"","ord2":"16"}],\
                        "CURRENT_DATETIME":"2026.01.25 PM 09:32:46"}""".getBytes(StandardCharsets.UTF_8))));
        KrxStub.answer(HISTORY, Map.of("isuCd", "KR7005930003", "strtDd", "20180427", "endDd", "20180504"),
                "krx/mdcstat01701_005930_20180427_20180504.json");
        KrxStub.answer(DAILY, Map.of("mktId", "KSQ", "trdDd", "20210122"), "krx/mdcstat01501_ksq_20210122.json");

        CollectionRunSummary run = collection.run(new CollectionPlan("reference prices", List.of(
                new CollectionTask("KRX", Dataset.STOCK_HISTORY, "005930", LocalDate.of(2018, 4, 27),
                        LocalDate.of(2018, 5, 4)),
                new CollectionTask("KRX", Dataset.DAILY_MARKET, "KSQ", LocalDate.of(2021, 1, 22),
                        LocalDate.of(2021, 1, 22)))), ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        // The recorded split day: KRX set the reference price to 2,650,000 / 50 = 53,000 (close 51,900, change
        // -1,100); on the halted days the change is 0, and 2018-04-27's base is 2018-04-26's close, 2,607,000.
        assertThat(Db.rows("""
                SELECT trade_date, close, base_price FROM market.daily_prices WHERE code = '005930'
                   AND trade_date BETWEEN '2018-04-27' AND '2018-05-04' ORDER BY trade_date"""))
                .containsExactly("2018-04-27|2650000|2607000", "2018-04-30|2650000|2650000",
                        "2018-05-02|2650000|2650000", "2018-05-03|2650000|2650000", "2018-05-04|51900|53000");
        // MDCSTAT01501's signed change: 3S closed 2,255 down 5, APS홀딩스 7,120 down 80.
        assertThat(Db.rows("SELECT code, base_price FROM market.daily_prices WHERE trade_date = '2021-01-22'"
                + " AND code IN ('060310', '054620') ORDER BY code")).containsExactly("054620|7200", "060310|2260");

        writer.write(List.of(new MarketRow.DailyPrice("005930", LocalDate.of(2018, 5, 4), 53000, 53900, 51800,
                51900, 39565400, new BigDecimal("2078017927600"), null, 6419324700L, "KRX")));

        assertThat(Db.rows("SELECT volume, base_price FROM market.daily_prices WHERE code = '005930'"
                + " AND trade_date = '2018-05-04'")).containsExactly("39565400|53000");
    }

    @Test
    void aRowWithoutAChangeLeavesTheReferencePriceAndOneBelowZeroIsRejected() {
        LocalDate day = LocalDate.of(2026, 3, 3);
        Db.execute("""
                INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                    shares_out, base_price, source)
                VALUES ('AE1001', '2026-03-03', 990, 1010, 985, 1000, 500, 500000, 1000, 990, 'KRX')""");
        UpstreamStub.server().stubFor(KrxStub.data(DAILY, Map.of("mktId", "KNX", "trdDd", "20260303"))
                .willReturn(KrxStub.json(("""
                        {"OutBlock_1":[%s,%s,%s],"CURRENT_DATETIME":"2026.03.03 PM 06:00:00"}""".formatted(
                        dailyRow("AE1001", "1,000", "-"), dailyRow("AE1002", "1,000", "1,500"),
                        dailyRow("AE1003", "1,000", "-40"))).getBytes(StandardCharsets.UTF_8))));

        CollectionRunSummary run = collection.run(new CollectionPlan("no change", List.of(
                new CollectionTask("KRX", Dataset.DAILY_MARKET, "KNX", day, day))), ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("SELECT code, close, base_price FROM market.daily_prices WHERE trade_date = '2026-03-03'"
                + " AND code LIKE 'AE%' ORDER BY code")).containsExactly("AE1001|1000|990", "AE1003|1000|1040");
        assertThat(Db.rows("SELECT reason FROM ops.rejected_records WHERE run_id = '" + run.runId() + "'"))
                .containsExactly("reference price TDD_CLSPRC - CMPPREVDD_PRC is negative: 1000 - (1500)");
    }

    @Test
    void aMarketYearsDividendsAreStoredWithDashesAndNoParAsNullOnce() {
        UpstreamStub.server().stubFor(KrxStub.data(DIVIDENDS, Map.of("mktId", "STK", "basYy", "2025",
                "indTpCd", "1", "isuCd", "ALL", "isuCd2", "ALL", "share", "1", "money", "1", "csvxls_isNo", "false"))
                .willReturn(KrxStub.json(DIVIDENDS_STK_2025.getBytes(StandardCharsets.UTF_8))));
        CollectionPlan plan = new CollectionPlan("dividends", List.of(CollectionPlan.dividends("STK", 2025)));

        CollectionRunSummary first = collection.run(plan, ProgressListener.NONE);
        CollectionRunSummary second = collection.run(plan, ProgressListener.NONE);

        assertThat(first.allSucceeded()).isTrue();
        assertThat(first.recordsStored()).isEqualTo(3);
        assertThat(second.recordsStored()).isEqualTo(3);
        assertThat(Db.rows("""
                SELECT code, fiscal_year, fiscal_month, cash_per_share, stock_per_share, dividend_yield, payout_ratio,
                       dividend_total, par_value, listed_shares, source
                  FROM market.dividends WHERE code LIKE 'AE%' ORDER BY code""")).isEqualTo(STORED_DIVIDENDS);
        assertThat(Db.rows("SELECT reason FROM ops.rejected_records WHERE run_id = '" + first.runId() + "'"))
                .containsExactly("ISU_CD is not a 6-character stock code: 'KR7AE0008003'");
    }

    @Test
    void onlyRowsThatChangeTheParAreKeptAndTheReadHistoryIsRecorded() {
        Db.execute("""
                INSERT INTO market.stocks (code, isin, name_ko, market) VALUES
                  ('AE2001', 'KR7AE2001007', '병합전자', 'STK'), ('AE2002', 'KR7AE2002005', '점찍은날', 'KSQ')
                ON CONFLICT (code) DO UPDATE SET isin = EXCLUDED.isin""");
        // Newest first; the three day layouts; a rename that leaves the par alone; a no-par share given a par.
        parHistory("KR7AE2001007", parRow("2026/05/08", "병합전자", "병합전자", "500", "2,500"),
                parRow("2020/03/02", "옛전자", "병합전자", "500", "500"),
                parRow("20150302", "옛전자", "옛전자", "5,000", "500"),
                parRow("1999-05-03", "옛전자", "옛전자", "무액면", "5,000"));
        parHistory("KR7AE2002005", parRow("2026.05.08", "점찍은날", "점찍은날", "100", "500"),
                parRow("2019/07/01", "점찍은날", "점찍은날", "1,000", "100"));

        CollectionRunSummary run = collection.run(CollectionPlan.parChanges(List.of("AE2001", "AE2002")),
                ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("SELECT code, change_date, par_before, par_after, source FROM market.par_value_changes"
                + " WHERE code LIKE 'AE%' ORDER BY code, change_date")).containsExactly(
                        "AE2001|1999-05-03|null|5000|KRX", "AE2001|2015-03-02|5000|500|KRX",
                        "AE2001|2026-05-08|500|2500|KRX", "AE2002|2019-07-01|1000|100|KRX");
        // A rejected row may be the change that matters: AE2002's history does not count as read.
        assertThat(Db.rows("SELECT code, checked_at = '2026-05-11T09:00:00Z', changes"
                + " FROM market.par_value_history_checks WHERE code LIKE 'AE%'")).containsExactly("AE2001|t|3");
        assertThat(Db.rows("SELECT reason FROM ops.rejected_records WHERE run_id = '" + run.runId() + "'"))
                .containsExactly("DD is not a date: '2026.05.08'");
    }

    @Test
    void theDailyRunAsksForTheLatestYearsAndTheConsolidationCandidatesOnlyOnce() throws Exception {
        seedConsolidationCandidates();
        // Years before 2024 were collected after KRX listed them: only the latest two listed years are asked for.
        Db.execute("""
                INSERT INTO ops.fetch_execution_logs (site_code, dataset, task_key, status, started_at, duration_ms)
                SELECT 'KRX', 'DIVIDENDS', 'DIVIDENDS:' || m || ':' || y || '-01-01', 'success',
                       TIMESTAMPTZ '2025-06-01 12:00:00+09', 10
                  FROM generate_series(1950, 2023) y, unnest(ARRAY['STK', 'KSQ', 'KNX']) m""");
        var krx = UpstreamStub.server();
        // Every other year and market lists nothing; any other candidate a test left has no change history.
        krx.stubFor(KrxStub.data(DIVIDENDS, Map.of()).willReturn(KrxStub.json(
                "{\"output\":[],\"CURRENT_DATETIME\":\"2026.05.11 PM 06:00:00\"}".getBytes(StandardCharsets.UTF_8))));
        krx.stubFor(KrxStub.data(PAR_HISTORY, Map.of()).willReturn(KrxStub.json(
                "{\"block1\":[]}".getBytes(StandardCharsets.UTF_8))));
        krx.stubFor(KrxStub.data(DIVIDENDS, Map.of("mktId", "STK", "basYy", "2025"))
                .willReturn(KrxStub.json(DIVIDENDS_STK_2025.getBytes(StandardCharsets.UTF_8))));
        parHistory("KR7AE0001000", parRow("2026/05/08", "병합전자", "병합전자", "500", "2,500"));

        List<String> isins = List.of("KR7AE0001000", "KR7AE0002000", "KR7AE0003000", "KR7AE0004000",
                "KR7AE0005000");
        int dividendsBefore = requests(DIVIDENDS, "mktId=");
        List<Integer> parBefore = isins.stream().map(isin -> requests(PAR_HISTORY, "isuCd=" + isin)).toList();

        JobOutcome first = action.run(JobContext.standalone(JobNames.ACTION_EVIDENCE, RUN_DATE));
        int dividendRequests = requests(DIVIDENDS, "mktId=") - dividendsBefore;
        List<Integer> parRequests = isins.stream().map(isin -> requests(PAR_HISTORY, "isuCd=" + isin)).toList();
        JobOutcome second = action.run(JobContext.standalone(JobNames.ACTION_EVIDENCE, RUN_DATE));

        assertThat(first.error()).isNull();
        assertThat(Db.rows("SELECT code FROM market.dividends WHERE code LIKE 'AE%' ORDER BY code"))
                .containsExactly("AE0001", "AE0006", "AE0007");
        assertThat(Db.rows("SELECT code, change_date, par_before, par_after FROM market.par_value_changes"
                + " WHERE code LIKE 'AE%'")).containsExactly("AE0001|2026-05-08|500|2500");
        assertThat(Db.rows("SELECT code, checked_at = '2026-05-11T09:00:00Z', changes"
                + " FROM market.par_value_history_checks WHERE code LIKE 'AE%' ORDER BY code"))
                .containsExactly("AE0001|t|1", "AE0004|f|0", "AE0005|t|0");
        assertThat(dividendRequests).as("2024 and 2025 of three markets").isEqualTo(6);
        assertThat(minus(parRequests, parBefore)).containsExactly(1, 0, 0, 0, 1);
        // The same day again: everything is fresh, nothing is asked for or stored.
        assertThat(second).isEqualTo(JobOutcome.succeeded(0));
        assertThat(requests(DIVIDENDS, "mktId=") - dividendsBefore).isEqualTo(dividendRequests);
        assertThat(isins.stream().map(isin -> requests(PAR_HISTORY, "isuCd=" + isin)).toList())
                .isEqualTo(parRequests);
        assertThat(Db.count("SELECT count(*) FROM market.par_value_changes WHERE code LIKE 'AE%'")).isEqualTo(1);
    }

    @Test
    void aBackfillDateLooksAtItsOwnDayAndEveryListedYearIsAskedForUntilCollected() {
        seedConsolidationCandidates();
        Db.execute("""
                INSERT INTO ops.fetch_execution_logs (site_code, dataset, task_key, status, started_at, duration_ms)
                VALUES ('KRX', 'DIVIDENDS', 'DIVIDENDS:STK:2016-01-01', 'success', '2017-04-03 10:00:00+09', 10),
                       ('KRX', 'DIVIDENDS', 'DIVIDENDS:KSQ:2016-01-01', 'success', '2017-03-31 10:00:00+09', 10),
                       ('KRX', 'DIVIDENDS', 'DIVIDENDS:STK:2025-01-01', 'success', '2026-05-10 18:00:00+09', 10),
                       ('KRX', 'DIVIDENDS', 'DIVIDENDS:KSQ:2025-01-01', 'success', '2026-05-11 00:10:00+09', 10),
                       ('KRX', 'DIVIDENDS', 'DIVIDENDS:KNX:2025-01-01', 'failed', '2026-05-11 00:20:00+09', 10)""");

        CollectionPlan consolidationDay = plans.plan(LocalDate.of(2026, 5, 8), true);
        CollectionPlan ordinaryDay = plans.plan(LocalDate.of(2026, 5, 7), true);

        assertThat(parChangeSubjects(consolidationDay)).containsExactly("AE0001", "AE0005");
        assertThat(parChangeSubjects(ordinaryDay)).isEmpty();
        List<String> dividendKeys = consolidationDay.tasks().stream()
                .filter(t -> t.dataset() == Dataset.DIVIDENDS).map(CollectionTask::key).toList();
        // From the first stored price's year (2016, or earlier rows of other tests) to 2025, the latest listed
        // on 2026-05-11: STK 2016 was collected once listed, KSQ 2016 only before KRX listed it; of 2025 only
        // KSQ's success is from today.
        assertThat(dividendKeys).contains("DIVIDENDS:KSQ:2016-01-01", "DIVIDENDS:KNX:2016-01-01",
                "DIVIDENDS:STK:2024-01-01", "DIVIDENDS:STK:2025-01-01", "DIVIDENDS:KNX:2025-01-01")
                .doesNotContain("DIVIDENDS:STK:2016-01-01", "DIVIDENDS:KSQ:2025-01-01", "DIVIDENDS:STK:2026-01-01")
                .containsAll(ordinaryDay.tasks().stream().map(CollectionTask::key)
                        .filter(k -> k.startsWith("DIVIDENDS")).toList());
    }

    @Test
    void krxListsAFiscalYearFromAprilOfTheNextYear() {
        assertThat(ActionEvidencePlan.latestListedYear(LocalDate.of(2026, 3, 31))).isEqualTo(2024);
        assertThat(ActionEvidencePlan.latestListedYear(LocalDate.of(2026, 4, 1))).isEqualTo(2025);
        assertThat(ActionEvidencePlan.latestListedYear(LocalDate.of(2026, 12, 31))).isEqualTo(2025);
    }

    /**
     * AE0001 a 5:1 consolidation re-listed on 2026-05-08; AE0002 shares cancelled without a price event; AE0003 a
     * reference price above the previous close with the shares unchanged; AE0004 a consolidation whose history was
     * read the day after; AE0005 one whose history was read before it happened.
     */
    private static void seedConsolidationCandidates() {
        Db.execute("""
                INSERT INTO market.stocks (code, isin, name_ko, market) VALUES
                  ('AE0001', 'KR7AE0001000', '병합전자', 'STK'), ('AE0002', 'KR7AE0002000', '소각', 'STK'),
                  ('AE0003', 'KR7AE0003000', '정정', 'STK'), ('AE0004', 'KR7AE0004000', '확인됨', 'KSQ'),
                  ('AE0005', 'KR7AE0005000', '감자', 'KSQ')
                ON CONFLICT (code) DO UPDATE SET isin = EXCLUDED.isin""", """
                INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                    shares_out, base_price, source) VALUES
                  ('AE0001', '2026-05-06', 1000, 1010, 990, 1000, 100, 100000, 10000000, 1000, 'KRX'),
                  ('AE0001', '2026-05-07', 0, 0, 0, 1000, 0, 0, 10000000, 1000, 'KRX'),
                  ('AE0001', '2026-05-08', 5000, 5150, 4950, 5100, 40, 204000, 2000000, 5000, 'KRX'),
                  ('AE0001', '2026-05-11', 5100, 5100, 5000, 5050, 30, 151500, 2000000, 5100, 'KRX'),
                  ('AE0002', '2016-06-01', 1990, 1990, 1990, 1990, 1, 1990, 1000000, 1990, 'KRX'),
                  ('AE0002', '2026-05-07', 1990, 2000, 1980, 2000, 10, 20000, 1000000, 1990, 'KRX'),
                  ('AE0002', '2026-05-08', 2000, 2020, 1995, 2010, 10, 20100, 990000, 2000, 'KRX'),
                  ('AE0003', '2026-05-07', 3000, 3000, 3000, 3000, 10, 30000, 500000, 3000, 'KRX'),
                  ('AE0003', '2026-05-08', 3100, 3100, 3100, 3100, 10, 31000, 500000, 3100, 'KRX'),
                  ('AE0004', '2026-03-31', 800, 800, 800, 800, 10, 8000, 4000000, 800, 'KRX'),
                  ('AE0004', '2026-04-01', 8000, 8000, 8000, 8000, 10, 80000, 400000, 8000, 'KRX'),
                  ('AE0005', '2026-05-07', 700, 700, 700, 700, 10, 7000, 3000000, 700, 'KRX'),
                  ('AE0005', '2026-05-08', 1400, 1450, 1400, 1450, 10, 14500, 1500000, 1400, 'KRX')""", """
                INSERT INTO market.par_value_history_checks (code, checked_at, changes) VALUES
                  ('AE0004', '2026-04-02 18:00:00+09', 0), ('AE0005', '2026-04-30 18:00:00+09', 0)""");
    }

    private static List<String> parChangeSubjects(CollectionPlan plan) {
        return plan.tasks().stream().filter(t -> t.dataset() == Dataset.PAR_CHANGES).map(CollectionTask::subject)
                .filter(code -> code.startsWith("AE")).toList();
    }

    private static int requests(String bld, String field) {
        return UpstreamStub.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(KrxStub.DATA))
                .withRequestBody(containing("bld=" + bld.replace("/", "%2F")))
                .withRequestBody(containing(field)).build()).getCount();
    }

    private static List<Integer> minus(List<Integer> after, List<Integer> before) {
        return IntStream.range(0, after.size()).mapToObj(i -> after.get(i) - before.get(i)).toList();
    }

    private static void parHistory(String isin, String... rows) {
        UpstreamStub.server().stubFor(KrxStub.data(PAR_HISTORY, Map.of("isuCd", isin)).willReturn(KrxStub.json(
                ("{\"block1\":[" + String.join(",", rows) + "]}").getBytes(StandardCharsets.UTF_8))));
    }

    private static String parRow(String day, String nameBefore, String nameAfter, String parBefore,
            String parAfter) {
        return """
                {"DD":"%s","BFCOM":"%s","AFCOM":"%s","BFIND":"전기·전자","AFIND":"전기·전자","BFPAR":"%s",\
                "AFPAR":"%s","BFCEO":"김대표","AFCEO":"김대표"}""".formatted(day, nameBefore, nameAfter, parBefore,
                parAfter);
    }

    private static String dailyRow(String code, String close, String change) {
        return """
                {"ISU_SRT_CD":"%1$s","ISU_CD":"KR7%1$s0","ISU_ABBRV":"시험%1$s","MKT_NM":"KONEX","SECT_TP_NM":"",\
                "TDD_CLSPRC":"%2$s","FLUC_TP_CD":"1","CMPPREVDD_PRC":"%3$s","FLUC_RT":"-","TDD_OPNPRC":"990",\
                "TDD_HGPRC":"1,010","TDD_LWPRC":"985","ACC_TRDVOL":"500","ACC_TRDVAL":"500,000",\
                "MKTCAP":"1,000,000","LIST_SHRS":"1,000","MKT_ID":"KNX"}""".formatted(code, close, change);
    }
}
