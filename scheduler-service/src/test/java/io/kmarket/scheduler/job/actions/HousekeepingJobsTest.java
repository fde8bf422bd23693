package io.kmarket.scheduler.job.actions;

import static io.kmarket.scheduler.TestClock.seoul;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.kmarket.testing.InternalToken;
import io.kmarket.testing.MovingClock;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** The data-quality and raw-payload-expiry jobs on the tables this service owns. */
@QuarkusTest
class HousekeepingJobsTest {

    @Inject
    JobCatalog catalog;
    @Inject
    DataQualityChecks checks;
    @Inject
    MovingClock clock;

    @Test
    void dataQualityFindsMissingPricesGapsAndLimitBreaches() throws Exception {
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser()) {
            c.createStatement().executeUpdate("""
                    INSERT INTO market.stocks (code, name_ko, market, listed_on, delisted_on) VALUES
                      ('DQ0001', '급등', 'STK', DATE '2020-01-02', NULL),
                      ('DQ0002', '누락', 'KSQ', DATE '2020-01-02', NULL),
                      ('DQ0003', '공백', 'STK', DATE '2020-01-02', NULL),
                      ('DQ0004', '상장폐지', 'STK', DATE '2020-01-02', DATE '2024-10-01'),
                      -- Known only from KRX's delisted list (no dates): seen delisted on the 20th, never priced.
                      ('DQ0005', '폐지목록만', 'KSQ', NULL, DATE '2024-10-20'),
                      -- The same, priced up to the 8th: delisted by the 10th, whatever the list's date says.
                      ('DQ0006', '최근폐지', 'KSQ', NULL, DATE '2024-10-20')
                    ON CONFLICT (code) DO NOTHING;
                    INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value, source)
                    VALUES ('DQ0001', DATE '2024-10-08', 10000, 10000, 10000, 10000, 1, 10000, 'KRX'),
                           ('DQ0001', DATE '2024-10-10', 13500, 13500, 13500, 13500, 1, 13500, 'KRX'),
                           ('DQ0002', DATE '2024-10-08', 5000, 5000, 5000, 5000, 1, 5000, 'KRX'),
                           ('DQ0006', DATE '2024-10-08', 900, 900, 900, 900, 1, 900, 'KRX'),
                           ('DQ0003', DATE '2024-10-04', 7000, 7000, 7000, 7000, 1, 7000, 'KRX'),
                           ('DQ0003', DATE '2024-10-10', 7100, 7100, 7100, 7100, 1, 7100, 'KRX')
                    ON CONFLICT DO NOTHING;
                    INSERT INTO market.index_prices (index_code, trade_date, open, high, low, close, volume,
                                                     trading_value, source)
                    VALUES ('DQ01', DATE '2024-10-08', 1, 1, 1, 1, 1, 1, 'KRX') ON CONFLICT DO NOTHING""");
        }
        JobOutcome outcome = catalog.action("data-quality")
                .run(JobContext.standalone("data-quality", LocalDate.of(2024, 10, 10)));

        // The previous trading day of Thursday the 10th is Tuesday the 8th (the 9th is Hangul Day).
        // Other test classes of this run store real-looking listings too; this test owns the DQ* subjects.
        List<String> all = checks.issues(LocalDate.of(2024, 10, 10)).stream()
                .map(issue -> issue.check() + ":" + issue.subject()).toList();
        assertThat(all.stream().filter(issue -> issue.contains(":DQ")).toList()).containsExactly(
                "index-gap:DQ01", "limit-breach:DQ0001", "missing-price:DQ0002", "series-gap:DQ0003");
        assertThat(outcome.records()).isEqualTo(all.size());
        assertThat(checks.issues(LocalDate.of(2024, 10, 10)).get(all.indexOf("limit-breach:DQ0001")).detail())
                .contains("10000 -> 13500", "35.00%");

        given().header(InternalToken.HEADER, InternalToken.TEST_TOKEN)
                .queryParam("date", "2024-10-10").get("/internal/data-quality").then().statusCode(200)
                .body("size()", equalTo(all.size()))
                .body("find { it.subject == 'DQ0001' }.check", equalTo("limit-breach"));
        given().header(InternalToken.HEADER, InternalToken.TEST_TOKEN)
                .queryParam("date", "10/10/2024").get("/internal/data-quality").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void expiredRawPayloadsAreDeletedAndOthersKept() throws Exception {
        clock.set(seoul("2024-10-10T03:00:00"));
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser()) {
            // Raw answers kept by other test classes expire a week after the shared test clock's time then, which
            // may well lie before this test's: gone first, so that the count below is of this test's rows alone.
            c.createStatement().executeUpdate("""
                    DELETE FROM ops.raw_payloads
                     WHERE dataset = 'expiry-test' OR expires_at < TIMESTAMPTZ '2024-10-10T03:00:00+09:00';
                    INSERT INTO ops.raw_payloads (site_code, dataset, task_key, body, expires_at) VALUES
                      ('KRX', 'expiry-test', 'a', '\\x00', TIMESTAMPTZ '2024-10-09T00:00:00+09:00'),
                      ('KRX', 'expiry-test', 'b', '\\x00', TIMESTAMPTZ '2024-10-10T02:59:00+09:00'),
                      ('KRX', 'expiry-test', 'c', '\\x00', TIMESTAMPTZ '2024-10-10T03:01:00+09:00')""");
        }
        JobOutcome outcome = catalog.action("raw-payload-expiry")
                .run(JobContext.standalone("raw-payload-expiry", LocalDate.of(2024, 10, 10)));

        assertThat(outcome.records()).isEqualTo(2);
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser();
                var rs = c.createStatement().executeQuery(
                        "SELECT string_agg(task_key, ',') FROM ops.raw_payloads WHERE dataset = 'expiry-test'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("c");
        }
    }
}
