package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/** The KRX fetchers against WireMock serving KRX's recorded answers, stored in the real PostgreSQL. */
@QuarkusTest
class KrxCollectionTest {

    static final String DAILY = "dbms/MDC/STAT/standard/MDCSTAT01501";
    static final String HISTORY = "dbms/MDC/STAT/standard/MDCSTAT01701";
    static final String INDEX = "dbms/MDC/STAT/standard/MDCSTAT00301";

    @Inject
    CollectionService collection;

    @Inject
    MovingClock clock;

    @BeforeEach
    void krx() {
        KrxStub.install();
    }

    @Test
    void aMarketDayIsStoredExactlyOnceHoweverOftenItRuns() {
        LocalDate day = LocalDate.of(2021, 1, 22);
        KrxStub.answer(DAILY, Map.of("mktId", "STK", "trdDd", "20210122"), "krx/mdcstat01501_stk_20210122.json");
        KrxStub.answer(DAILY, Map.of("mktId", "KSQ", "trdDd", "20210122"), "krx/mdcstat01501_ksq_20210122.json");
        KrxStub.answer(DAILY, Map.of("mktId", "KNX", "trdDd", "20210122"), "krx/mdcstat00301_holiday.json");
        // WireMock prefers the latest of equally ranked stubs: the general answer first, the specific one after.
        KrxStub.answer(INDEX, Map.of("strtDd", "20210122"), "krx/mdcstat00301_holiday.json");
        KrxStub.answer(INDEX, Map.of("indIdx2", "001", "indIdx", "1", "strtDd", "20210122"),
                "krx/mdcstat00301_1001_202101.json");

        CollectionRunSummary first = collection.run(CollectionPlan.dailyMarket(day), ProgressListener.NONE);
        CollectionRunSummary second = collection.run(CollectionPlan.dailyMarket(day), ProgressListener.NONE);

        // KNX answers with the wrong array key (an index answer): that task fails as malformed.
        assertThat(first.tasksSucceeded()).isEqualTo(6);
        assertThat(first.tasksFailed()).isEqualTo(1);
        // STK: 3 stocks + 3 prices + the trading day; KSQ: 2 + 2 + 1; index 1001: 3 rows.
        assertThat(first.recordsStored()).isEqualTo(15);
        assertThat(second.recordsStored()).isEqualTo(first.recordsStored());
        assertThat(Db.rows("""
                SELECT code, open, high, low, close, volume, trading_value, market_cap, shares_out, source
                  FROM market.daily_prices WHERE trade_date = '2021-01-22' ORDER BY code"""))
                .containsExactly(
                        "006840|25750|29550|25600|29100|727088|20462325950|385504025100|13247561|KRX",
                        "027410|5020|5250|4955|5220|1547629|7990770515|499641649020|95716791|KRX",
                        "054620|7210|7250|7030|7120|124636|883893780|145206853520|20394221|KRX",
                        "060310|2265|2290|2225|2255|275425|619653305|101029662305|44802511|KRX",
                        "095570|4190|4245|4160|4210|216835|910274405|197121861950|46822295|KRX");
        assertThat(Db.rows("SELECT code, isin, name_ko, market FROM market.stocks WHERE code IN ('095570', '060310')"
                + " ORDER BY code"))
                .containsExactly("060310|KR7060310000|3S|KSQ", "095570|KR7095570008|AJ네트웍스|STK");
        assertThat(Db.rows("""
                SELECT trade_date, open, high, low, close, volume, trading_value FROM market.index_prices
                 WHERE index_code = '1001' AND trade_date = '2021-01-29'"""))
                .containsExactly("2021-01-29|3078.73|3100.22|2962.70|2976.21|995071252|24350307102379");
        assertThat(Db.rows("SELECT is_trading_day FROM market.trading_calendar WHERE day = '2021-01-22'"))
                .containsExactly("t");
        assertThat(Db.rows("SELECT status, count(*) FROM ops.fetch_execution_logs WHERE run_id = '"
                + first.runId() + "' GROUP BY status ORDER BY status")).containsExactly("failed|1", "success|6");
        assertThat(Db.rows("SELECT error_type FROM ops.fetch_execution_logs WHERE run_id = '" + first.runId()
                + "' AND status = 'failed'")).containsExactly("malformed");
    }

    @Test
    void aHolidayStoresNoPricesAndMarksTheDay() {
        KrxStub.answer(DAILY, Map.of("mktId", "STK", "trdDd", "20210123"),
                "krx/mdcstat01501_stk_20210123_holiday.json");

        CollectionRunSummary run = collection.run(new CollectionPlan("holiday", List.of(new CollectionTask("KRX",
                Dataset.DAILY_MARKET, "STK", LocalDate.of(2021, 1, 23), LocalDate.of(2021, 1, 23)))),
                ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.count("SELECT count(*) FROM market.daily_prices WHERE trade_date = '2021-01-23'")).isZero();
        assertThat(Db.rows("SELECT is_trading_day FROM market.trading_calendar WHERE day = '2021-01-23'"))
                .containsExactly("f");
    }

    @Test
    void aMarketWithoutTradesDoesNotTurnATradedDayIntoAHoliday() {
        LocalDate tradedFirst = LocalDate.of(2021, 1, 25);
        LocalDate quietFirst = LocalDate.of(2021, 1, 26);
        for (String trdDd : List.of("20210125", "20210126")) {
            KrxStub.answer(DAILY, Map.of("mktId", "KSQ", "trdDd", trdDd), "krx/mdcstat01501_ksq_20210122.json");
            KrxStub.answer(DAILY, Map.of("mktId", "KNX", "trdDd", trdDd),
                    "krx/mdcstat01501_stk_20210123_holiday.json");
        }

        runDailyMarket("KSQ", tradedFirst);
        runDailyMarket("KNX", tradedFirst);
        runDailyMarket("KNX", quietFirst);
        runDailyMarket("KSQ", quietFirst);

        assertThat(Db.rows("SELECT day, is_trading_day FROM market.trading_calendar"
                + " WHERE day IN ('2021-01-25', '2021-01-26') ORDER BY day"))
                .containsExactly("2021-01-25|t", "2021-01-26|t");
    }

    private void runDailyMarket(String market, LocalDate day) {
        CollectionRunSummary run = collection.run(new CollectionPlan("one market", List.of(
                new CollectionTask("KRX", Dataset.DAILY_MARKET, market, day, day))), ProgressListener.NONE);
        assertThat(run.allSucceeded()).isTrue();
    }

    @Test
    void aLogoutAnswerLogsInAgainAndTheRequestSucceeds() {
        LocalDate day = LocalDate.of(2021, 2, 1);
        UpstreamStub.server().stubFor(KrxStub.data(DAILY, Map.of("trdDd", "20210201"))
                .inScenario("expired").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("expired once")
                .willReturn(aResponse().withStatus(400).withBody("LOGOUT")));
        UpstreamStub.server().stubFor(KrxStub.data(DAILY, Map.of("trdDd", "20210201"))
                .inScenario("expired").whenScenarioStateIs("expired once")
                .willReturn(KrxStub.json(UpstreamStub.sample("krx/mdcstat01501_ksq_20210122.json"))));
        collection.run(CollectionPlan.listings(day), ProgressListener.NONE); // makes sure a session exists
        int loginsBefore = KrxStub.logins();

        CollectionRunSummary run = collection.run(new CollectionPlan("relogin", List.of(
                new CollectionTask("KRX", Dataset.DAILY_MARKET, "KSQ", day, day))), ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(KrxStub.logins()).isEqualTo(loginsBefore + 1);
        assertThat(Db.count("SELECT count(*) FROM market.daily_prices WHERE trade_date = '2021-02-01'")).isEqualTo(2);
    }

    @Test
    void aStockHistoryIsFetchedByIsinInTwoYearChunks() {
        Db.execute("DELETE FROM market.daily_prices WHERE code = '005930'");
        UpstreamStub.server().stubFor(KrxStub.data("dbms/comm/finder/finder_stkisu", Map.of("searchText", "005930"))
                .willReturn(KrxStub.json("""
                        {"block1":[{"full_code":"KR7005930003","short_code":"005930","codeName":"삼성전자",\
                        "marketCode":"STK","marketName":"유가증권","marketEngName":"KOSPI","ord1":"","ord2":"16"}],\
                        "CURRENT_DATETIME":"2026.01.25 PM 09:32:46"}""".getBytes(StandardCharsets.UTF_8))));
        KrxStub.answer(HISTORY, Map.of("isuCd", "KR7005930003"), "krx/mdcstat00301_holiday.json");
        KrxStub.answer(HISTORY, Map.of("isuCd", "KR7005930003", "strtDd", "20180427"),
                "krx/mdcstat01701_005930_20180427_20180504.json");

        CollectionPlan plan = CollectionPlan.stockHistory("005930", LocalDate.of(2018, 4, 27),
                LocalDate.of(2021, 6, 30));
        CollectionRunSummary run = collection.run(new CollectionPlan("krx only",
                plan.tasks().stream().filter(t -> t.site().equals("KRX")).toList()), ProgressListener.NONE);

        assertThat(plan.tasks()).filteredOn(t -> t.site().equals("KRX")).extracting(CollectionTask::key)
                .containsExactly("STOCK_HISTORY:005930:2018-04-27..2020-04-25",
                        "STOCK_HISTORY:005930:2020-04-26..2021-06-30");
        // The second chunk answers an empty output (no trading in the stub): a success with no rows.
        assertThat(run.allSucceeded()).isTrue();
        assertThat(run.tasksSucceeded()).isEqualTo(2);
        assertThat(Db.rows("""
                SELECT trade_date, open, close, volume FROM market.daily_prices WHERE code = '005930'
                 ORDER BY trade_date"""))
                .containsExactly("2018-04-27|2669000|2650000|606216", "2018-04-30|0|2650000|0",
                        "2018-05-02|0|2650000|0", "2018-05-03|0|2650000|0", "2018-05-04|53000|51900|39565391");
    }

    @Test
    void kospiRowsWithoutOpenHighLowAreStoredCloseOnly() {
        // The recorded 1981 answer: "-" for open, high, low, change and market cap; only close, volume and value.
        KrxStub.answer(INDEX, Map.of("indIdx2", "001", "strtDd", "19810101"), "krx/mdcstat00301_1981.json");

        CollectionRunSummary run = collection.run(new CollectionPlan("1981", List.of(new CollectionTask("KRX",
                Dataset.INDEX_PRICES, "1001", LocalDate.of(1981, 1, 1), LocalDate.of(1981, 12, 31)))),
                ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(run.rowsRejected()).isZero();
        assertThat(Db.rows("""
                SELECT trade_date, open, high, low, close, volume, trading_value FROM market.index_prices
                 WHERE index_code = '1001' AND trade_date < '1982-01-01' ORDER BY trade_date"""))
                .containsExactly("1981-12-23|null|null|null|131.30|1533600|9296100000",
                        "1981-12-24|null|null|null|131.30|947700|6118200000");
    }

    @Test
    void anIndexRowMissingOnlySomeOfOpenHighLowIsRejected() {
        UpstreamStub.server().stubFor(KrxStub.data(INDEX, Map.of("indIdx2", "001", "strtDd", "19960102"))
                .willReturn(KrxStub.json("""
                        {"output":[{"TRD_DD":"1996/01/03","CLSPRC_IDX":"888.10","FLUC_TP_CD":"1",\
                        "PRV_DD_CMPR":"5.04","UPDN_RATE":"0.57","OPNPRC_IDX":"-","HGPRC_IDX":"890.00",\
                        "LWPRC_IDX":"880.02","ACC_TRDVOL":"27,102,000","ACC_TRDVAL":"421,880,000,000","MKTCAP":"-"}],\
                        "CURRENT_DATETIME":"2026.01.23 PM 06:00:00"}""".getBytes(StandardCharsets.UTF_8))));

        CollectionRunSummary run = collection.run(new CollectionPlan("1996", List.of(new CollectionTask("KRX",
                Dataset.INDEX_PRICES, "1001", LocalDate.of(1996, 1, 2), LocalDate.of(1996, 1, 3)))),
                ProgressListener.NONE);

        assertThat(run.rowsRejected()).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM market.index_prices WHERE trade_date = '1996-01-03'")).isZero();
        assertThat(Db.rows("SELECT reason FROM ops.rejected_records WHERE run_id = '" + run.runId() + "'"))
                .containsExactly("open/high/low must be all present or all '-', got '-'/'890.00'/'880.02'");
    }

    @Test
    void aThemeIndexWithALetterTickerIsCollected() {
        KrxStub.answer(INDEX, Map.of("indIdx2", "004", "indIdx", "G", "strtDd", "20210128"),
                "krx/mdcstat00301_G004_202101.json");

        CollectionRunSummary run = collection.run(new CollectionPlan("theme", List.of(new CollectionTask("KRX",
                Dataset.INDEX_PRICES, "G004", LocalDate.of(2021, 1, 28), LocalDate.of(2021, 1, 29)))),
                ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("""
                SELECT trade_date, open, high, low, close, volume, trading_value FROM market.index_prices
                 WHERE index_code = 'G004' ORDER BY trade_date"""))
                .containsExactly("2021-01-28|1899.02|1921.77|1890.40|1914.49|2988410|377102455000",
                        "2021-01-29|1911.80|1920.16|1868.05|1873.42|3402118|412733650500");
    }

    @Test
    void listingsDelistingsAndIndexListsAreStored() {
        KrxStub.answer("dbms/comm/finder/finder_stkisu", Map.of("mktsel", "ALL", "searchText", "&typeNo"),
                "krx/finder_stkisu.json");
        KrxStub.answer("dbms/MDC/STAT/standard/MDCSTAT01901", Map.of("mktId", "ALL"), "krx/mdcstat01901_all.json");
        KrxStub.answer("dbms/comm/finder/finder_listdelisu", Map.of("mktsel", "ALL"), "krx/finder_listdelisu.json");
        for (String family : List.of("01", "02", "03", "04")) {
            KrxStub.answer("dbms/MDC/STAT/standard/MDCSTAT00401", Map.of("idxIndMidclssCd", family),
                    "krx/mdcstat00401_" + family + ".json");
        }

        CollectionRunSummary run = collection.run(CollectionPlan.listings(LocalDate.of(2026, 1, 25)),
                ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("""
                SELECT code, isin, market, delisted_on FROM market.stocks
                 WHERE code IN ('060310', '037730', '036360', '006840') ORDER BY code"""))
                .containsExactly("006840|KR7006840003|STK|null", "036360|KR7036360006|KSQ|2026-01-25",
                        "037730|KR7037730009|KSQ|2026-01-25", "060310|KR7060310000|KSQ|null");
        assertThat(Db.count("SELECT count(*) FROM market.stocks WHERE code = '06031012'")).isZero();
        assertThat(Db.rows("SELECT reason FROM ops.rejected_records WHERE run_id = '" + run.runId() + "'"))
                .containsExactly("not a share: short code '06031012' is not 6 characters (a warrant or right)");
        assertThat(Db.rows("SELECT code, name_ko, name_en, market, base_date, base_value FROM market.indices"
                + " ORDER BY code")).containsExactly(
                        "1001|코스피|KOSPI|STK|1980-01-04|100.00", "1028|코스피 200|KOSPI 200|STK|1990-01-03|100.00",
                        "1034|코스피 100|KOSPI 100|STK|2000-01-04|1000.00",
                        "2001|코스닥|KOSDAQ|KSQ|1996-07-01|1000.00", "2203|코스닥 150|KOSDAQ 150|KSQ|2010-01-04|1000.00",
                        "5042|KRX 100|KRX 100|KRX|2001-01-02|1000.00", "5300|KRX 300|KRX 300|KRX|2010-01-04|1000.00",
                        "G001|KRX BBIG K-뉴딜지수|KRX BBIG K-New Deal Index|KRX|2015-01-02|1000.00",
                        "G004|KRX 인터넷 K-뉴딜지수|KRX Internet K-New Deal Index|KRX|2015-01-02|1000.00");
    }

    @Test
    void theDelistedListKeepsForeignIssuersSharesAndRecordsEveryNonShare() {
        KrxStub.answer("dbms/comm/finder/finder_listdelisu", Map.of("mktsel", "ALL"),
                "krx/finder_listdelisu_shapes.json");

        CollectionRunSummary run = collection.run(new CollectionPlan("delisted", List.of(new CollectionTask("KRX",
                Dataset.DELISTINGS, "ALL", LocalDate.of(2026, 1, 23), LocalDate.of(2026, 1, 23)))),
                ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("""
                SELECT code, isin, name_ko, market, delisted_on FROM market.stocks
                 WHERE code IN ('900040', '900050', '900120', '06031012', '08652011') ORDER BY code"""))
                .containsExactly("900040|KYG2118N1103|차이나그레이트|KSQ|2026-01-23",
                        "900050|HK0000057197|중국원양자원|KSQ|2026-01-23");
        assertThat(Db.rows("SELECT reason FROM ops.rejected_records WHERE run_id = '" + run.runId()
                + "' ORDER BY reason")).containsExactly(
                        "not a share: ISIN 'KR8900120005' is a Korean non-stock security (only KR7 is a share)",
                        "not a share: short code '06031012' is not 6 characters (a warrant or right)",
                        "not a share: short code '08652011' is not 6 characters (a warrant or right)");
    }

    @Test
    void aDelistingSeenOnAnUndatedTaskIsDatedTodayInKorea() {
        // 08:00 on 2 January in Seoul is still 1 January in UTC and in New York, the tests' JVM zone.
        clock.set(seoul("2024-01-02T08:00:00"));
        UpstreamStub.server().stubFor(KrxStub.data("dbms/comm/finder/finder_listdelisu", Map.of("mktsel", "ALL"))
                .willReturn(KrxStub.json("""
                        {"block1": [{"full_code": "KR7990010001", "short_code": "990010", "codeName": "시계시험",
                                     "marketCode": "KSQ", "marketName": "코스닥", "ord1": "", "ord2": "16"}]}"""
                        .getBytes(StandardCharsets.UTF_8))));

        CollectionRunSummary run = collection.run(new CollectionPlan("delisted-undated", List.of(
                CollectionTask.of("KRX", Dataset.DELISTINGS, "ALL"))), ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("SELECT delisted_on FROM market.stocks WHERE code = '990010'"))
                .containsExactly("2024-01-02");
    }

    @Test
    void aBlockPageIsNotRetriedAndIsRecordedAsBlocked() {
        UpstreamStub.server().stubFor(KrxStub.data(DAILY, Map.of("trdDd", "20210302")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><body>자동화 수단을 통한 비정상 대량 조회가 감지되어 해당 IP의 접속이 일시적으로 제한되었습니다."
                        + "</body></html>")));
        LocalDate day = LocalDate.of(2021, 3, 2);

        CollectionRunSummary run = collection.run(new CollectionPlan("blocked", List.of(
                new CollectionTask("KRX", Dataset.DAILY_MARKET, "STK", day, day))), ProgressListener.NONE);

        assertThat(run.tasksFailed()).isEqualTo(1);
        assertThat(Db.rows("SELECT status, attempts, error_type FROM ops.fetch_execution_logs WHERE run_id = '"
                + run.runId() + "'")).containsExactly("failed|1|blocked");
    }

    @Test
    void aMaintenancePageInPlaceOfTheLoginPageIsARecordedMalformedAnswer() {
        // With a session, the data call says LOGOUT; without one, the task logs in at once: both reach the login page.
        UpstreamStub.server().stubFor(KrxStub.data(DAILY, Map.of("trdDd", "20210303"))
                .willReturn(aResponse().withStatus(400).withBody("LOGOUT")));
        UpstreamStub.server().stubFor(get(urlPathEqualTo("/krx/contents/MDC/COMS/client/MDCCOMS001.cmd"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<!DOCTYPE html>\n<html><head><title>서비스 점검 안내</title></head>"
                                + "<body>잠시 후 다시 이용해 주세요.</body></html>")));
        int loginsBefore = KrxStub.logins();
        LocalDate day = LocalDate.of(2021, 3, 3);

        CollectionRunSummary run = collection.run(new CollectionPlan("maintenance", List.of(
                new CollectionTask("KRX", Dataset.DAILY_MARKET, "STK", day, day))), ProgressListener.NONE);

        assertThat(run.tasksFailed()).isEqualTo(1);
        assertThat(Db.rows("SELECT status, error_type FROM ops.fetch_execution_logs WHERE run_id = '"
                + run.runId() + "'")).containsExactly("failed|malformed");
        assertThat(Db.rows("SELECT reason FROM ops.rejected_records WHERE run_id = '" + run.runId() + "'"))
                .containsExactly("malformed answer: KRX served a maintenance page instead of its login page: 서비스 점검 안내");
        assertThat(KrxStub.logins()).as("credentials never posted to a maintenance page").isEqualTo(loginsBefore);
    }
}
