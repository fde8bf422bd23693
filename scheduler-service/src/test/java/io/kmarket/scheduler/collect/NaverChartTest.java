package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/** Naver's chart: the request sized to the range, halted days as the real site sends them (0|0|0|close|0). */
@QuarkusTest
class NaverChartTest {

    @Inject
    CollectionService collection;

    @Inject
    MovingClock clock;

    @BeforeEach
    void today() {
        clock.set(seoul("2024-01-10T18:00:00"));
        Db.execute("DELETE FROM market.source_daily_prices WHERE code LIKE 'NC%'");
    }

    private CollectionRunSummary collect(String code, LocalDate from, LocalDate to) {
        return collection.run(new CollectionPlan("naver " + code,
                List.of(new CollectionTask("NAVER", Dataset.DAILY_CHART, code, from, to))), ProgressListener.NONE);
    }

    @Test
    void aWeekIsAskedForWithTheTradingDaysToTodayNotYearsOfBars() {
        UpstreamStub.server().stubFor(NaverStub.chart("NC0001").willReturn(NaverStub.bars("NC0001", "week",
                "20240108|1000|1100|990|1050|12345", "20240109|1050|1060|1000|1010|2345",
                "20240110|1010|1020|1000|1020|345")));

        CollectionRunSummary run = collect("NC0001", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 10));

        assertThat(run.allSucceeded()).isTrue();
        List<LoggedRequest> requests = UpstreamStub.server().findAll(getRequestedFor(urlPathEqualTo(NaverStub.PATH))
                .withQueryParam("symbol", equalTo("NC0001")));
        // 2024-01-02..01-10 has 7 trading days (Jan 1 is the only holiday), plus the margin of 5 bars.
        assertThat(requests).extracting(r -> r.queryParameter("count").firstValue()).containsExactly("12");
    }

    @Test
    void aHaltedDayIsStoredAsHaltedWithoutOpenHighLowInBothFormsAndAZeroPriceIsRejected() {
        UpstreamStub.server().stubFor(NaverStub.chart("NC0002").willReturn(NaverStub.bars("NC0002", "halt",
                "20240102|1000|1100|990|1050|12345",
                "20240103|0|0|0|1050|0",
                "20240104|1050|1050|1050|1050|0",
                "20240105|0|0|0|1050|77")));

        CollectionRunSummary run = collect("NC0002", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 5));

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("""
                SELECT trade_date, open, high, low, close, volume, adjusted, halted FROM market.source_daily_prices
                 WHERE source = 'NAVER' AND code = 'NC0002' ORDER BY trade_date"""))
                .containsExactly("2024-01-02|1000|1100|990|1050|12345|t|f",
                        "2024-01-03|null|null|null|1050|0|t|t",
                        "2024-01-04|null|null|null|1050|0|t|t");
        assertThat(Db.rows("SELECT reason, excerpt FROM ops.rejected_records WHERE run_id = '" + run.runId() + "'"))
                .containsExactly("traded bar with open 0, high 0, low 0|20240105|0|0|0|1050|77");
    }
}
