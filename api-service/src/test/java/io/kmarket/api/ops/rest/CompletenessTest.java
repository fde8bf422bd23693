package io.kmarket.api.ops.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.kmarket.api.SeededMarket;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /api/v1/ops/completeness over a week of March 2016 (trading days 14..18, no holiday), away from the dates the
 * other tests seed. Each day stands for one status; a stock delisted on the 17th is no longer expected from then on.
 */
@QuarkusTest
class CompletenessTest {

    private static final String WEEK = "from=2016-03-14&to=2016-03-20";

    @BeforeAll
    static void seed() throws SQLException {
        SeededMarket.ensureSeeded();
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO market.stocks (code, name_ko, market, listed_on, delisted_on)
                    VALUES ('990001', '완전상장', 'KSQ', DATE '2016-03-01', NULL),
                           ('990002', '폐지예정', 'KSQ', DATE '2016-03-01', DATE '2016-03-17')
                    ON CONFLICT (code) DO NOTHING""");
            // The 14th: a price for every stock listed that day and an indicator row for each price.
            s.execute("""
                    INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                                                     source)
                    SELECT code, DATE '2016-03-14', 1, 1, 1, 1, 1, 1, 'KRX' FROM market.stocks
                     WHERE (listed_on IS NULL OR listed_on <= DATE '2016-03-14')
                       AND (delisted_on IS NULL OR delisted_on > DATE '2016-03-14')
                    ON CONFLICT DO NOTHING""");
            s.execute("""
                    INSERT INTO analytics.indicators (code, trade_date)
                    SELECT code, trade_date FROM market.daily_prices WHERE trade_date = DATE '2016-03-14'
                    ON CONFLICT DO NOTHING""");
            // The 15th: a single price.
            s.execute("""
                    INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                                                     source)
                    VALUES ('990001', DATE '2016-03-15', 1, 1, 1, 1, 1, 1, 'KRX') ON CONFLICT DO NOTHING""");
            // The 16th: collection failed three times and is being retried; the 17th: failed, nobody retries.
            s.execute("""
                    INSERT INTO ops.job_heals (job_name, logical_date, status, reason, failures, next_attempt_at,
                                               last_error, created_at, updated_at)
                    VALUES ('daily-collection', DATE '2016-03-16', 'pending', 'failed', 3,
                            TIMESTAMPTZ '2016-03-17 09:00Z', 'KRX answered 403', now(), now())
                    ON CONFLICT DO NOTHING""");
            s.execute("""
                    INSERT INTO ops.job_runs (job_name, logical_date, trigger, status, started_at, ended_at, error)
                    SELECT * FROM (VALUES
                      ('daily-collection', DATE '2016-03-17', 'backfill', 'failed', TIMESTAMPTZ '2016-03-18 09:00Z',
                       TIMESTAMPTZ '2016-03-18 09:01Z', 'circuit open'),
                      -- Disclosures of the 14th collected the next day, of the 15th only while the day was running.
                      ('disclosures', DATE '2016-03-14', 'backfill', 'succeeded', TIMESTAMPTZ '2016-03-15 01:00Z',
                       TIMESTAMPTZ '2016-03-15 01:01Z', NULL),
                      ('disclosures', DATE '2016-03-15', 'schedule', 'succeeded', TIMESTAMPTZ '2016-03-15 05:00Z',
                       TIMESTAMPTZ '2016-03-15 05:01Z', NULL)) AS v
                     WHERE NOT EXISTS (SELECT FROM ops.job_runs WHERE logical_date = DATE '2016-03-17')""");
            s.execute("""
                    INSERT INTO market.disclosures (rcept_no, corp_code, corp_name, stock_code, report_name,
                                                    receipt_date)
                    VALUES ('20160315990001', '00990001', '완전상장', '990001', '주요사항보고서', DATE '2016-03-15')
                    ON CONFLICT DO NOTHING""");
        }
    }

    /** The database is shared by every test class: what this one added must not show up in their answers. */
    @AfterAll
    static void removeTheSeededWeek() throws SQLException {
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM analytics.indicators WHERE trade_date = DATE '2016-03-14'");
            s.execute("DELETE FROM market.daily_prices WHERE trade_date BETWEEN DATE '2016-03-14' AND DATE '2016-03-20'");
            s.execute("DELETE FROM market.disclosures WHERE rcept_no = '20160315990001'");
            s.execute("DELETE FROM market.stocks WHERE code IN ('990001', '990002')");
            s.execute("DELETE FROM ops.job_heals WHERE logical_date BETWEEN DATE '2016-03-14' AND DATE '2016-03-20'");
            s.execute("DELETE FROM ops.job_runs WHERE logical_date BETWEEN DATE '2016-03-14' AND DATE '2016-03-20'");
        }
    }

    @Test
    void pricesOfEachTradingDateWithExpectedStoredAndStatusNewestFirst() {
        JsonPath json = given().when().get("/api/v1/ops/completeness?dataset=prices&" + WEEK)
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("date", String.class))
                .containsExactly("2016-03-18", "2016-03-17", "2016-03-16", "2016-03-15", "2016-03-14");
        assertThat(json.getList("status", String.class))
                .containsExactly("missing", "failed", "healing-pending", "partial", "complete");
        List<Integer> expected = json.getList("expected", Integer.class);
        List<Integer> stored = json.getList("stored", Integer.class);
        assertThat(stored).containsExactly(0, 0, 0, 1, expected.get(4));
        // The stock delisted on the 17th is expected up to the 16th only.
        assertThat(expected.get(2) - expected.get(1)).isEqualTo(1);
        assertThat(expected.get(0)).isEqualTo(expected.get(1));
        assertThat(json.getInt("[2].retries")).isEqualTo(3);
        assertThat(json.getString("[2].lastError")).isEqualTo("KRX answered 403");
        assertThat(json.getString("[2].job")).isEqualTo("daily-collection");
    }

    @Test
    void indicatorsAreExpectedForEveryPriceAndDisclosuresOnceTheDayWasCollectedAfterItEnded() {
        Map<String, String> indicators = statuses("indicators");
        assertThat(indicators).containsEntry("2016-03-14", "complete").containsEntry("2016-03-15", "missing")
                .containsEntry("2016-03-16", "missing");
        given().when().get("/api/v1/ops/completeness?dataset=indicators&" + WEEK)
                .then().body("find { it.date == '2016-03-15' }.expected", equalTo(1));
        Map<String, String> disclosures = statuses("disclosures");
        assertThat(disclosures).containsEntry("2016-03-14", "complete").containsEntry("2016-03-15", "partial")
                .containsEntry("2016-03-18", "missing");
        given().when().get("/api/v1/ops/completeness?dataset=disclosures&" + WEEK)
                .then().body("find { it.date == '2016-03-15' }.stored", equalTo(1))
                .body("find { it.date == '2016-03-15' }.expected", equalTo(null));
    }

    /**
     * KRX's delisted list carries no dates: a stock known only from it has no listing date, and the date it was
     * seen delisted (here the 8th) is only an upper bound. One priced on the 4th and 5th is expected on those days
     * only; one never priced is never expected (it may have left the market years before).
     */
    @Test
    void aStockOfUnknownListingIsExpectedFromItsFirstToItsLastStoredPriceOnly() throws SQLException {
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO market.stocks (code, name_ko, market, listed_on, delisted_on)
                    VALUES ('990003', '오래전폐지', 'KSQ', NULL, DATE '2016-04-08'),
                           ('990004', '최근폐지', 'KSQ', NULL, DATE '2016-04-08')""");
            s.execute("""
                    INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                                                     source)
                    VALUES ('990004', DATE '2016-04-04', 1, 1, 1, 1, 1, 1, 'KRX'),
                           ('990004', DATE '2016-04-05', 1, 1, 1, 1, 1, 1, 'KRX')""");
            JsonPath json = given().when().get("/api/v1/ops/completeness?dataset=prices&from=2016-04-04&to=2016-04-08")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(json.getList("date", String.class))
                    .containsExactly("2016-04-08", "2016-04-07", "2016-04-06", "2016-04-05", "2016-04-04");
            List<Integer> expected = json.getList("expected", Integer.class);
            // 990004 on the 4th and 5th, on top of the same listed stocks every day; 990003 on none.
            assertThat(List.of(expected.get(4) - expected.get(0), expected.get(3) - expected.get(0),
                    expected.get(2) - expected.get(0), expected.get(1) - expected.get(0))).containsExactly(1, 1, 0, 0);
        } finally {
            try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM market.daily_prices WHERE code IN ('990003', '990004')");
                s.execute("DELETE FROM market.stocks WHERE code IN ('990003', '990004')");
            }
        }
    }

    @Test
    void withoutADatasetEveryDatasetIsListed() {
        JsonPath json = given().when().get("/api/v1/ops/completeness?from=2016-03-14&to=2016-03-14")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("dataset", String.class))
                .containsExactly("disclosures", "indicators", "indices", "prices");
    }

    @ParameterizedTest
    @CsvSource({ "dataset=volumes, dataset", "from=2016-02-30, from", "to=yesterday, to",
            "from=2016-03-20&to=2016-03-14, from", "from=2014-01-01&to=2016-03-14, to" })
    void badParametersAre400NamingThem(String query, String parameter) {
        given().when().get("/api/v1/ops/completeness?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo(parameter)).body("detail", containsString(parameter));
    }

    private static Map<String, String> statuses(String dataset) {
        JsonPath json = given().when().get("/api/v1/ops/completeness?dataset=" + dataset + "&" + WEEK)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = json.getList("$");
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get("date"), r -> (String) r.get("status")));
    }
}
