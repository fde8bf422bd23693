package io.kmarket.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.kmarket.testing.postgres.KmarketTestDatabase;

/**
 * The market every api-service test reads, written once per run as the superuser. Its values come from the
 * small formulas below, so tests compute what the API must answer without asking the API's code.
 */
public final class SeededMarket {

    public static final String SAMSUNG = "005930";
    public static final String HYNIX = "000660";
    public static final String KAKAO = "035720";
    public static final String ECOPRO = "247540";
    public static final String ALNUM = "0001A0";
    /** A listed stock without any price, indicator or prediction. */
    public static final String NO_DATA = "900110";
    public static final String KOSPI = "1001";
    /** Generated KOSDAQ stocks 300000, 300001, ... named 테스트종목000 ... */
    public static final int GENERATED = 250;
    public static final int DISCLOSURES_OF_SAMSUNG = 25;

    /** Weekdays from {@link #FIRST_DAY} to yesterday (Seoul) carry prices and indicators for SAMSUNG. */
    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Seoul"));
    public static final LocalDate FIRST_DAY = TODAY.minusDays(800);

    private static boolean seeded;

    private SeededMarket() {
    }

    public static List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = to.isBefore(TODAY) ? to : TODAY.minusDays(1);
        for (LocalDate d = from.isBefore(FIRST_DAY) ? FIRST_DAY : from; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    public static long close(LocalDate day) {
        return 60_000 + (day.toEpochDay() * 37 % 5_000);
    }

    public static long open(LocalDate day) {
        return close(day) - 100;
    }

    public static long high(LocalDate day) {
        return close(day) + 300;
    }

    public static long low(LocalDate day) {
        return open(day) - 200;
    }

    public static long volume(LocalDate day) {
        return 1_000_000 + day.toEpochDay() % 977;
    }

    public static Double rsi(LocalDate day) {
        return day.getDayOfMonth() == 1 ? null : 30 + day.toEpochDay() % 40 + 0.5;
    }

    /** Overwrites 005930's close on one day, as a new collection would. */
    public static void setClose(LocalDate day, long close) throws SQLException {
        try (Connection db = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement s = db.prepareStatement(
                        "UPDATE market.daily_prices SET close = ? WHERE code = '005930' AND trade_date = ?")) {
            s.setLong(1, close);
            s.setObject(2, day);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("005930 has no price on " + day);
            }
        }
    }

    public static String generatedCode(int i) {
        return String.valueOf(300_000 + i);
    }

    public static synchronized void ensureSeeded() {
        if (seeded) {
            return;
        }
        try (Connection db = KmarketTestDatabase.shared().connectAsSuperuser()) {
            db.setAutoCommit(false);
            seedStocks(db);
            seedPrices(db);
            seedIndices(db);
            seedDisclosures(db);
            seedPredictions(db);
            seedOps(db);
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the test market failed", e);
        }
        seeded = true;
    }

    private static void seedStocks(Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO market.stocks (code, isin, name_ko, name_en, market, corp_code, listed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")) {
            addStock(s, SAMSUNG, "KR7005930003", "삼성전자", "Samsung Electronics", "STK", "00126380");
            addStock(s, HYNIX, "KR7000660001", "SK하이닉스", "SK hynix", "STK", "00164779");
            addStock(s, KAKAO, "KR7035720002", "카카오", "Kakao", "STK", "00258801");
            addStock(s, ECOPRO, "KR7247540008", "에코프로비엠", "EcoPro BM", "KSQ", "01160363");
            addStock(s, ALNUM, "KR70001A0009", "알파뉴메릭우", null, "STK", null);
            addStock(s, NO_DATA, null, "데이터없음", "No Data", "KNX", null);
            for (int i = 0; i < GENERATED; i++) {
                addStock(s, generatedCode(i), null, "테스트종목%03d".formatted(i), "Test %03d".formatted(i), "KSQ", null);
            }
            s.executeBatch();
        }
    }

    private static void addStock(PreparedStatement s, String code, String isin, String nameKo, String nameEn,
            String market, String corpCode) throws SQLException {
        s.setString(1, code);
        s.setString(2, isin);
        s.setString(3, nameKo);
        s.setString(4, nameEn);
        s.setString(5, market);
        s.setString(6, corpCode);
        s.setObject(7, LocalDate.of(2000, 1, 4));
        s.addBatch();
    }

    private static void seedPrices(Connection db) throws SQLException {
        try (PreparedStatement price = db.prepareStatement("""
                INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                                                 market_cap, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'KRX') ON CONFLICT DO NOTHING""");
                PreparedStatement indicator = db.prepareStatement("""
                        INSERT INTO analytics.indicators (code, trade_date, sma5, rsi14) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")) {
            for (LocalDate day : tradingDays(FIRST_DAY, TODAY)) {
                price.setString(1, SAMSUNG);
                price.setObject(2, day);
                price.setLong(3, open(day));
                price.setLong(4, high(day));
                price.setLong(5, low(day));
                price.setLong(6, close(day));
                price.setLong(7, volume(day));
                price.setBigDecimal(8, java.math.BigDecimal.valueOf(close(day)).multiply(java.math.BigDecimal.valueOf(volume(day))));
                price.setBigDecimal(9, null);
                price.addBatch();
                indicator.setString(1, SAMSUNG);
                indicator.setObject(2, day);
                indicator.setDouble(3, close(day) - 10.25);
                indicator.setObject(4, rsi(day));
                indicator.addBatch();
            }
            price.executeBatch();
            indicator.executeBatch();
        }
    }

    private static void seedIndices(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    INSERT INTO market.indices (code, name_ko, name_en, market, base_date, base_value) VALUES
                      ('1001', '코스피', 'KOSPI', 'STK', '1980-01-04', 100.00),
                      ('2001', '코스닥', 'KOSDAQ', 'KSQ', '1996-07-01', 1000.00)
                    ON CONFLICT DO NOTHING""");
        }
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO market.index_prices (index_code, trade_date, open, high, low, close, volume, trading_value, source)
                VALUES ('1001', ?, ?, ?, ?, ?, ?, ?, 'KRX') ON CONFLICT DO NOTHING""")) {
            for (LocalDate day : tradingDays(TODAY.minusDays(60), TODAY)) {
                java.math.BigDecimal close = java.math.BigDecimal.valueOf(close(day), 2);
                s.setObject(1, day);
                s.setBigDecimal(2, close);
                s.setBigDecimal(3, close);
                s.setBigDecimal(4, close);
                s.setBigDecimal(5, close);
                s.setLong(6, volume(day));
                s.setBigDecimal(7, java.math.BigDecimal.valueOf(volume(day) * 1000));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (Statement s = db.createStatement()) {
            // KRX's oldest KOSPI days are close-only (the recorded 1981 answer has "-" for open, high and low).
            s.execute("""
                    INSERT INTO market.index_prices (index_code, trade_date, open, high, low, close, volume, trading_value, source)
                    VALUES ('1001', '1981-12-23', NULL, NULL, NULL, 131.30, 1533600, 9296100000, 'KRX'),
                           ('1001', '1981-12-24', NULL, NULL, NULL, 131.30, 947700, 6118200000, 'KRX')
                    ON CONFLICT DO NOTHING""");
        }
    }

    /** SAMSUNG filed one report on each of the last 25 days (two per day on even days, numbered apart). */
    private static void seedDisclosures(Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO market.disclosures (rcept_no, corp_code, corp_name, corp_cls, stock_code, report_name,
                                                filer_name, receipt_date)
                VALUES (?, ?, ?, 'Y', ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (int i = 0; i < DISCLOSURES_OF_SAMSUNG; i++) {
                LocalDate day = TODAY.minusDays(i / 2);
                addDisclosure(s, rceptNo(day, i), "00126380", "삼성전자", SAMSUNG, "주요사항보고서 " + i, day);
            }
            addDisclosure(s, rceptNo(TODAY, 900), "00164779", "SK하이닉스", HYNIX, "분기보고서", TODAY);
            addDisclosure(s, rceptNo(TODAY, 901), "99999999", "비상장회사", null, "감사보고서", TODAY);
            s.executeBatch();
        }
    }

    public static String rceptNo(LocalDate day, int i) {
        return day.toString().replace("-", "") + "%06d".formatted(100 + i);
    }

    private static void addDisclosure(PreparedStatement s, String rceptNo, String corpCode, String corpName,
            String stockCode, String reportName, LocalDate day) throws SQLException {
        s.setString(1, rceptNo);
        s.setString(2, corpCode);
        s.setString(3, corpName);
        s.setString(4, stockCode);
        s.setString(5, reportName);
        s.setString(6, corpName);
        s.setObject(7, day);
        s.addBatch();
    }

    private static void seedPredictions(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    INSERT INTO analytics.model_versions (id, name, version, algorithm, train_from, train_to, features,
                                                          parameters, metrics)
                    VALUES (901, 'direction', 'v1', 'logistic-regression', '2020-01-02', '2024-12-30', '["rsi14"]',
                            '{}', '{"auc": 0.5}'),
                           (902, 'direction', 'v2', 'gradient-boosting', '2020-01-02', '2025-06-30', '["rsi14","macd"]',
                            '{"depth": 3}', '{"auc": 0.56}')
                    ON CONFLICT DO NOTHING""");
            s.execute("""
                    INSERT INTO analytics.predictions (code, trade_date, model_id, target_date, prob_up, predicted_up)
                    VALUES ('005930', current_date - 3, 901, current_date - 2, 0.40, false),
                           ('005930', current_date - 1, 902, current_date, 0.625, true)
                    ON CONFLICT DO NOTHING""");
            s.execute("""
                    INSERT INTO analytics.prediction_evaluations (model_id, eval_date, window_days, strategy, samples,
                                                                  accuracy, precision_up, recall_up, brier)
                    VALUES (902, current_date - 10, 20, 'model', 100, 0.40, 0.4, 0.4, 0.3),
                           (902, current_date - 1, 20, 'model', 120, 0.55, 0.57, 0.61, 0.244),
                           (902, current_date - 1, 20, 'always-up', 120, 0.51, 0.51, 1.0, 0.25)
                    ON CONFLICT DO NOTHING""");
        }
    }

    private static void seedOps(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    INSERT INTO ops.site_health_status (site_code, status, consecutive_failures, avg_response_ms,
                                                        success_rate)
                    VALUES ('KRX', 'degraded', 2, 350.5, 0.9) ON CONFLICT DO NOTHING""");
            s.execute("""
                    INSERT INTO ops.job_runs (job_name, logical_date, trigger, status, started_at, ended_at, records)
                    SELECT * FROM (VALUES
                      ('daily-market', DATE '2026-01-05', 'schedule', 'failed', TIMESTAMPTZ '2026-01-05 16:00Z',
                       TIMESTAMPTZ '2026-01-05 16:01Z', 0::bigint),
                      ('daily-market', DATE '2026-01-06', 'schedule', 'succeeded', TIMESTAMPTZ '2026-01-06 16:00Z',
                       TIMESTAMPTZ '2026-01-06 16:05Z', 2750::bigint),
                      ('disclosures', DATE '2026-01-06', 'manual', 'succeeded', TIMESTAMPTZ '2026-01-06 17:00Z',
                       TIMESTAMPTZ '2026-01-06 17:02Z', 120::bigint)) AS v
                     WHERE NOT EXISTS (SELECT FROM ops.job_runs)""");
            s.execute("""
                    INSERT INTO ops.job_backfills (job_name, from_date, to_date, with_dependents, status, dates_total,
                                                   dates_done, requested_at, finished_at)
                    SELECT * FROM (VALUES
                      ('listings', DATE '2026-01-02', DATE '2026-01-02', true, 'done', 1, 1,
                       TIMESTAMPTZ '2026-01-05 09:00Z', TIMESTAMPTZ '2026-01-05 09:00:03Z'),
                      ('daily-collection', DATE '2025-01-02', DATE '2026-01-02', true, 'running', 246, 37,
                       TIMESTAMPTZ '2026-01-05 09:00Z', NULL::timestamptz)) AS v
                     WHERE NOT EXISTS (SELECT FROM ops.job_backfills)""");
        }
    }
}
