package io.kmarket.scheduler.crosscheck;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.KrxStub;
import io.kmarket.scheduler.collect.UpstreamStub;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/** Per-stock gaps found by data-quality, repaired from KRX's per-stock history (MDCSTAT01701) over the gap only. */
@QuarkusTest
class GapRepairTest {

    static final String HISTORY = "dbms/MDC/STAT/standard/MDCSTAT01701";
    static final LocalDate DATE = LocalDate.of(2023, 6, 16);

    @Inject
    GapRepair repair;

    @Inject
    MovingClock clock;

    @BeforeEach
    void gaps() {
        clock.set(seoul("2023-06-16T19:00:00"));
        KrxStub.install();
        Db.execute("DELETE FROM ops.data_quality_issues WHERE check_name IN ('missing-price', 'series-gap')",
                "DELETE FROM ops.price_gap_repairs WHERE code LIKE 'GR%'",
                "DELETE FROM market.daily_prices WHERE code LIKE 'GR%'",
                """
                INSERT INTO market.stocks (code, isin, name_ko, market, listed_on) VALUES
                  ('GR0001', 'KR7GR0001001', '구멍', 'STK', DATE '2020-01-02'),
                  ('GR0002', 'KR7GR0002009', '정지', 'KSQ', DATE '2020-01-02')
                ON CONFLICT (code) DO NOTHING""",
                """
                INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                    shares_out, source) VALUES
                  ('GR0001', '2023-06-12', 1000, 1010, 990, 1000, 100, 100000, 5000, 'KRX'),
                  ('GR0001', '2023-06-16', 1040, 1050, 1030, 1045, 140, 146000, 5000, 'KRX'),
                  ('GR0002', '2023-06-13', 500, 510, 490, 500, 10, 5000, 9000, 'KRX'),
                  ('GR0002', '2023-06-15', 500, 510, 490, 500, 10, 5000, 9000, 'KRX'),
                  ('GR0002', '2023-06-16', 500, 510, 490, 500, 10, 5000, 9000, 'KRX')""",
                // As data-quality records them: GR0001 lacks 06-13..06-15 (seen on 06-16), GR0002 lacks 06-14.
                """
                INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail) VALUES
                  ('2023-06-16', 'series-gap', 'GR0001', 'no price on the previous trading day 2023-06-15'),
                  ('2023-06-14', 'missing-price', 'GR0002', 'listed KSQ stock 정지 has no price')""");
        // KRX's MDCSTAT01701 answer for GR0001, newest first, in the recorded format; for GR0002 KRX has no row.
        UpstreamStub.server().stubFor(KrxStub.data(HISTORY,
                Map.of("isuCd", "KR7GR0001001", "strtDd", "20230613", "endDd", "20230615"))
                .willReturn(KrxStub.json("""
                        {"output":[\
                        {"TRD_DD":"2023/06/15","TDD_CLSPRC":"1,030","FLUC_TP_CD":"1","CMPPREVDD_PRC":"10","FLUC_RT":"0.98","TDD_OPNPRC":"1,020","TDD_HGPRC":"1,035","TDD_LWPRC":"1,015","ACC_TRDVOL":"130","ACC_TRDVAL":"133,900","MKTCAP":"5,150,000","LIST_SHRS":"5,000"},\
                        {"TRD_DD":"2023/06/14","TDD_CLSPRC":"1,020","FLUC_TP_CD":"0","CMPPREVDD_PRC":"0","FLUC_RT":"0.00","TDD_OPNPRC":"0","TDD_HGPRC":"0","TDD_LWPRC":"0","ACC_TRDVOL":"0","ACC_TRDVAL":"0","MKTCAP":"5,100,000","LIST_SHRS":"5,000"},\
                        {"TRD_DD":"2023/06/13","TDD_CLSPRC":"1,020","FLUC_TP_CD":"1","CMPPREVDD_PRC":"20","FLUC_RT":"2.00","TDD_OPNPRC":"1,000","TDD_HGPRC":"1,025","TDD_LWPRC":"995","ACC_TRDVOL":"120","ACC_TRDVAL":"121,800","MKTCAP":"5,100,000","LIST_SHRS":"5,000"}],\
                        "CURRENT_DATETIME":"2026.01.25 PM 08:27:23"}""".getBytes(StandardCharsets.UTF_8))));
        UpstreamStub.server().stubFor(KrxStub.data(HISTORY,
                Map.of("isuCd", "KR7GR0002009", "strtDd", "20230614", "endDd", "20230614"))
                .willReturn(KrxStub.json("{\"output\":[],\"CURRENT_DATETIME\":\"2026.01.25 PM 08:27:23\"}"
                        .getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void indicatorsComputedOverTheGapAreComputedAgainFromTheFirstRepairedDate() throws Exception {
        Db.execute("DELETE FROM ops.job_backfills WHERE job_name = 'indicators'",
                "DELETE FROM ops.job_runs WHERE job_name = 'indicators' AND logical_date >= '2023-06-01'",
                // The indicators of 06-16 rolled forward over a series without 06-13..06-15.
                """
                INSERT INTO ops.job_runs (job_name, logical_date, trigger, status, started_at, ended_at)
                VALUES ('indicators', '2023-06-16', 'dependency', 'succeeded', now(), now())""");
        try {
            repair.repair(JobContext.standalone("price-gap-repair", DATE));

            assertThat(Db.rows("SELECT job_name, from_date, to_date, with_dependents, rerun, status"
                    + " FROM ops.job_backfills WHERE job_name = 'indicators'"))
                    .containsExactly("indicators|2023-06-13|2023-06-16|f|t|pending");
        } finally {
            Db.execute("DELETE FROM ops.job_backfills WHERE job_name = 'indicators'",
                    "DELETE FROM ops.job_runs WHERE job_name = 'indicators' AND logical_date >= '2023-06-01'");
        }
    }

    private static int historyRequests(String isin) {
        return UpstreamStub.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(KrxStub.DATA))
                .withRequestBody(containing("isuCd=" + isin)).build()).getCount();
    }

    @Test
    void aStocksGapIsFetchedOverItsRangeOnlyStoredOnceAndRecorded() throws Exception {
        JobOutcome outcome = repair.repair(JobContext.standalone("price-gap-repair", DATE));

        assertThat(outcome.error()).isNull();
        assertThat(outcome.records()).isEqualTo(1);
        assertThat(UpstreamStub.server().findAll(postRequestedFor(urlPathEqualTo(KrxStub.DATA))
                .withRequestBody(containing("isuCd=KR7GR0001001"))))
                .extracting(r -> r.getBodyAsString().contains("strtDd=20230613") && r.getBodyAsString()
                        .contains("endDd=20230615")).containsExactly(true);
        assertThat(Db.rows("SELECT trade_date, open, high, low, close, volume, source FROM market.daily_prices"
                + " WHERE code = 'GR0001' ORDER BY trade_date")).containsExactly(
                        "2023-06-12|1000|1010|990|1000|100|KRX", "2023-06-13|1000|1025|995|1020|120|KRX",
                        "2023-06-14|0|0|0|1020|0|KRX", "2023-06-15|1020|1035|1015|1030|130|KRX",
                        "2023-06-16|1040|1050|1030|1045|140|KRX");
        assertThat(Db.rows("SELECT trade_date, check_name, code, range_from, range_to, status, attempts"
                + " FROM ops.price_gap_repairs WHERE code LIKE 'GR%' ORDER BY code")).containsExactly(
                        "2023-06-16|series-gap|GR0001|2023-06-13|2023-06-15|repaired|1",
                        "2023-06-14|missing-price|GR0002|2023-06-14|2023-06-14|not-served|1");
        // data-quality ran again for the repaired date: GR0001's finding is gone, GR0002's (another date) stays.
        assertThat(Db.rows("SELECT trade_date, check_name, subject FROM ops.data_quality_issues"
                + " WHERE subject LIKE 'GR%' ORDER BY subject"))
                .containsExactly("2023-06-14|missing-price|GR0002");

        // Settled findings are not fetched again.
        Db.execute("DELETE FROM ops.data_quality_issues WHERE subject NOT LIKE 'GR%'");
        int gr1 = historyRequests("KR7GR0001001");
        int gr2 = historyRequests("KR7GR0002009");
        JobOutcome again = repair.repair(JobContext.standalone("price-gap-repair", DATE));

        assertThat(again.records()).isZero();
        assertThat(historyRequests("KR7GR0001001")).isEqualTo(gr1);
        assertThat(historyRequests("KR7GR0002009")).isEqualTo(gr2);
        assertThat(Db.count("SELECT count(*) FROM market.daily_prices WHERE code = 'GR0001'")).isEqualTo(5);
    }
}
