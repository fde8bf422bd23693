package io.kmarket.scheduler.crosscheck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.NaverStub;
import io.kmarket.scheduler.collect.UpstreamStub;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * KRX against Naver for the whole (here: six-stock) market of one date: Naver stubbed in its real format, agreeing
 * with KRX except where a disagreement is injected; the expected findings are written out by hand.
 */
@QuarkusTest
class SourceCrossCheckTest {

    static final LocalDate DATE = LocalDate.of(2023, 6, 15);

    @Inject
    SourceCrossCheck crossCheck;

    @Inject
    JobCatalog catalog;

    @Inject
    MovingClock clock;

    @BeforeEach
    void market() {
        // Friday evening: Naver's chart ends with 06-16, so each request reaches back over 2 trading days.
        clock.set(seoul("2023-06-16T18:00:00"));
        Db.execute("DELETE FROM market.daily_prices WHERE trade_date IN ('2023-06-15', '2023-06-16')",
                "DELETE FROM market.source_daily_prices WHERE trade_date IN ('2023-06-15', '2023-06-16')",
                "DELETE FROM market.source_disagreements WHERE trade_date = '2023-06-15'",
                """
                INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                    shares_out, source) VALUES
                  ('CC0001', '2023-06-15', 10000, 10500, 9900, 10200, 5000, 51000000, 1000000, 'KRX'),
                  ('CC0002', '2023-06-15', 10001, 10600, 9950, 10150, 8000, 81000000, 1000000, 'KRX'),
                  ('CC0002', '2023-06-16', 5100, 5200, 5000, 5150, 16000, 81000000, 2000000, 'KRX'),
                  ('CC0003', '2023-06-15', 0, 0, 0, 7700, 0, 0, 500000, 'KRX'),
                  ('CC0004', '2023-06-15', 3000, 3100, 2950, 3050, 4000, 12000000, 300000, 'KRX'),
                  ('CC0005', '2023-06-15', 800, 820, 790, 810, 1000, 810000, 100000, 'KRX'),
                  ('CC0006', '2023-06-15', 1500, 1550, 1490, 1520, 2000, 3000000, 200000, 'KRX')""");
        stub("CC0001", "20230615|10000|10500|9900|10200|5000", "20230616|10200|10300|10100|10250|4000");
        // A 2:1 split on 06-16: Naver's 06-15 prices are halved (rounded to won), its volume is not.
        stub("CC0002", "20230615|5001|5300|4975|5075|8000", "20230616|5100|5200|5000|5150|16000");
        stub("CC0003", "20230615|0|0|0|7700|0", "20230616|7700|7800|7600|7750|100");
        // The injected disagreement: Naver's close 100 won higher and 1 share more volume than KRX's.
        stub("CC0004", "20230615|3000|3100|2950|3150|4001", "20230616|3150|3200|3100|3150|100");
        stub("CC0005", "20230616|810|820|800|815|900");
        UpstreamStub.server().stubFor(NaverStub.chart("CC0006").willReturn(aResponse().withStatus(404)));
    }

    private static void stub(String code, String... items) {
        UpstreamStub.server().stubFor(NaverStub.chart(code).willReturn(NaverStub.bars(code, code, items)));
    }

    private static List<String> disagreements() {
        return Db.rows("""
                SELECT code, field, krx_value, naver_value, adjustment_factor::float8, krx_source, naver_source,
                       resolved_at IS NULL
                  FROM market.source_disagreements WHERE trade_date = '2023-06-15' ORDER BY code, field""");
    }

    private static List<LoggedRequest> naverRequests(String code) {
        return UpstreamStub.server().findAll(getRequestedFor(urlPathEqualTo(NaverStub.PATH))
                .withQueryParam("symbol", equalTo(code)));
    }

    @Test
    void recordsExactlyTheDisagreementsAndAsksNaverOnlyForTheDaysNeeded() throws Exception {
        int before = naverRequests("CC0001").size();

        JobOutcome outcome = crossCheck.check(JobContext.standalone("source-crosscheck", DATE));

        // CC0006's chart answered 404: not compared, the run fails so the framework retries it.
        assertThat(outcome.error()).startsWith("1 of 6 Naver charts could not be fetched");
        assertThat(outcome.records()).isEqualTo(5);
        assertThat(disagreements()).containsExactly(
                "CC0004|close|3050|3150|1|KRX|NAVER|t",
                "CC0004|volume|4000|4001|1|KRX|NAVER|t",
                "CC0005|presence|810|null|1|KRX|NAVER|t");
        // Two trading days (06-15, 06-16) plus the margin of 5, not years of bars.
        assertThat(naverRequests("CC0001").subList(before, naverRequests("CC0001").size()))
                .extracting(r -> r.queryParameter("count").firstValue()).containsExactly("7");
        String detected = Db.rows("SELECT detected_at FROM market.source_disagreements"
                + " WHERE trade_date = '2023-06-15' AND code = 'CC0004' AND field = 'close'").getFirst();

        // The retry, Naver now answering CC0006: only that chart is asked for; nothing is doubled or re-dated.
        stub("CC0006", "20230615|1500|1550|1490|1520|2000");
        int cc0001Requests = naverRequests("CC0001").size();
        clock.advance(java.time.Duration.ofMinutes(5));
        JobOutcome retry = crossCheck.check(JobContext.standalone("source-crosscheck", DATE));

        assertThat(retry.error()).isNull();
        assertThat(retry.records()).isEqualTo(6);
        assertThat(naverRequests("CC0001")).hasSize(cc0001Requests);
        assertThat(naverRequests("CC0006")).isNotEmpty();
        assertThat(disagreements()).containsExactly(
                "CC0004|close|3050|3150|1|KRX|NAVER|t",
                "CC0004|volume|4000|4001|1|KRX|NAVER|t",
                "CC0005|presence|810|null|1|KRX|NAVER|t");
        assertThat(Db.rows("SELECT detected_at FROM market.source_disagreements"
                + " WHERE trade_date = '2023-06-15' AND code = 'CC0004' AND field = 'close'")).containsExactly(detected);

        // KRX's bar re-collected and Naver now agreeing: the disagreement is kept, marked resolved.
        Db.execute("UPDATE market.daily_prices SET collected_at = now() WHERE code = 'CC0004' AND trade_date = '2023-06-15'");
        stub("CC0004", "20230615|3000|3100|2950|3050|4000");
        crossCheck.check(JobContext.standalone("source-crosscheck", DATE));

        assertThat(disagreements()).containsExactly(
                "CC0004|close|3050|3150|1|KRX|NAVER|f",
                "CC0004|volume|4000|4001|1|KRX|NAVER|f",
                "CC0005|presence|810|null|1|KRX|NAVER|t");
    }

    @Test
    void bothJobsFollowTheirUpstreams() {
        assertThat(catalog.find("source-crosscheck").orElseThrow().after()).containsExactly("daily-collection");
        assertThat(catalog.find("price-gap-repair").orElseThrow().after()).containsExactly("data-quality");
    }
}
