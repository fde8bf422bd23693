package io.kmarket.api;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.kmarket.testing.postgres.KmarketTestDatabase;

/**
 * Stocks with corporate actions, written once per run as the superuser the way the scheduler's corporate-actions job
 * writes them. Fixed dates (unlike {@link SeededMarket}), so that an answer's exact bytes can be written down. The
 * factor rows are computed here from the actions, by the rule of the shared design, so a test's expectation never
 * comes from the code it tests.
 */
public final class SeededActions {

    /** Split 5:1 on {@link #SPLIT_DAY}, cash dividend of {@link #DIVIDEND} KRW on {@link #DIVIDEND_DAY}. */
    public static final String SPLITTER = "160010";
    /** Delisted; a capital reduction 10→1 with a NAVER check that disagrees. */
    public static final String DELISTED = "160020";
    /** One bonus issue; its version is bumped by the ETag test alone. */
    public static final String BUMPED = "160030";
    /** Three days of prices and no actions at all: the fixture of the byte-exact answers. */
    public static final String PLAIN = "160040";

    /** Every stock seeded here, and those of them on KOSPI (a listing of every stock sees them too). */
    public static final List<String> CODES = List.of(SPLITTER, DELISTED, BUMPED, PLAIN);
    public static final List<String> KOSPI_CODES = List.of(SPLITTER, PLAIN);

    public static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);
    public static final LocalDate LAST_DAY = LocalDate.of(2021, 4, 30);
    public static final LocalDate WITHDRAWN_DAY = LocalDate.of(2021, 1, 15);
    public static final LocalDate SPLIT_DAY = LocalDate.of(2021, 2, 1);
    public static final LocalDate DIVIDEND_DAY = LocalDate.of(2021, 3, 29);
    public static final LocalDate REDUCTION_DAY = LocalDate.of(2021, 3, 2);
    public static final LocalDate BONUS_DAY = LocalDate.of(2021, 2, 15);
    public static final long DIVIDEND = 500;
    public static final long SPLIT_BASE = 10_000;
    public static final long REDUCTION_BASE = 30_000;
    public static final long BONUS_BASE = 20_000;

    private static boolean seeded;

    private SeededActions() {
    }

    public static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /** SPLITTER's raw close: about 50,000 before the split (exactly 50,000 the day before), about 10,000 after. */
    public static long splitterClose(LocalDate day) {
        int wiggle = (int) (day.toEpochDay() % 5);
        if (day.isBefore(SPLIT_DAY)) {
            return day.equals(previousWeekday(SPLIT_DAY)) ? 50_000 : 50_000 + 100L * wiggle;
        }
        return 10_000 + 20L * wiggle;
    }

    public static long splitterVolume(LocalDate day) {
        return (day.isBefore(SPLIT_DAY) ? 100_000 : 500_000) + day.toEpochDay() % 97;
    }

    /** DELISTED's raw close: 3,000 before the reduction, 30,000 from it on (the re-listing at ten times). */
    public static long delistedClose(LocalDate day) {
        return day.isBefore(REDUCTION_DAY) ? 3_000 : 30_000;
    }

    /** BUMPED's raw close: 24,000 before the bonus issue, 20,000 from it on. */
    public static long bumpedClose(LocalDate day) {
        return day.isBefore(BONUS_DAY) ? 24_000 : 20_000;
    }

    public static LocalDate previousWeekday(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The split's price factor: KRX's reference price over the previous close. */
    public static double splitFactor() {
        return (double) SPLIT_BASE / splitterClose(previousWeekday(SPLIT_DAY));
    }

    public static double dividendFactor() {
        double previous = splitterClose(previousWeekday(DIVIDEND_DAY));
        return (previous - DIVIDEND) / previous;
    }

    public static double reductionFactor() {
        return (double) REDUCTION_BASE / delistedClose(previousWeekday(REDUCTION_DAY));
    }

    public static double bonusFactor() {
        return (double) BONUS_BASE / bumpedClose(previousWeekday(BONUS_DAY));
    }

    public static Connection superuser() throws SQLException {
        return KmarketTestDatabase.shared().connectAsSuperuser();
    }

    public static synchronized void ensureSeeded() {
        if (seeded) {
            return;
        }
        try (Connection db = superuser()) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("""
                        INSERT INTO market.stocks (code, name_ko, name_en, market, listed_on, delisted_on) VALUES
                          ('160010', '분할전자', 'Splitter', 'STK', '2000-01-04', NULL),
                          ('160020', '감자상폐', 'Delisted', 'KSQ', '2000-01-04', '2021-04-30'),
                          ('160030', '무상증자', 'Bumped', 'KSQ', '2000-01-04', NULL),
                          ('160040', '평범한주', 'Plain', 'STK', '2000-01-04', NULL)
                        ON CONFLICT DO NOTHING""");
                s.execute("""
                        INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume,
                                                         trading_value, market_cap, source) VALUES
                          ('160040', '2021-03-03', 1000, 1100, 900, 1050, 12345, 12962250, 3000000000000, 'KRX'),
                          ('160040', '2021-03-04', 1050, 1060, 1000, 1010, 0, 0, NULL, 'KRX'),
                          ('160040', '2021-03-05', 1010, 1200, 1010, 1190, 987654321, 1175308641990, 3400000000000,
                           'KRX')
                        ON CONFLICT DO NOTHING""");
            }
            seedPrices(db);
            seedActions(db);
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the corporate actions failed", e);
        }
        seeded = true;
    }

    private static void seedPrices(Connection db) throws SQLException {
        try (PreparedStatement price = db.prepareStatement("""
                INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                                                 market_cap, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'KRX') ON CONFLICT DO NOTHING""")) {
            for (LocalDate day : weekdays(FIRST_DAY, LAST_DAY)) {
                addPrice(price, SPLITTER, day, splitterClose(day), splitterVolume(day));
                addPrice(price, DELISTED, day, delistedClose(day), 7_000 + day.getDayOfMonth());
                addPrice(price, BUMPED, day, bumpedClose(day), 3_000 + day.getDayOfMonth());
            }
            price.executeBatch();
        }
    }

    private static void addPrice(PreparedStatement price, String code, LocalDate day, long close, long volume)
            throws SQLException {
        price.setString(1, code);
        price.setObject(2, day);
        price.setLong(3, close - 10);
        price.setLong(4, close + 30);
        price.setLong(5, close - 20);
        price.setLong(6, close);
        price.setLong(7, volume);
        price.setBigDecimal(8, BigDecimal.valueOf(close).multiply(BigDecimal.valueOf(volume)));
        price.setBigDecimal(9, BigDecimal.valueOf(close).multiply(BigDecimal.valueOf(1_000_000)));
        price.addBatch();
    }

    private static void seedActions(Connection db) throws SQLException {
        try (PreparedStatement action = db.prepareStatement("""
                INSERT INTO market.corporate_actions (code, ex_date, event, action_type, shares_multiplier,
                    cash_amount, issue_price, previous_close, reference_price, price_factor, shares_before,
                    shares_after, shares_changed_on, evidence, source, detected_at, classified_at, updated_at,
                    withdrawn_at)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?::jsonb, 'KRX', '2021-05-01T00:00:00Z', ?,
                        '2021-05-02T00:00:00Z', ?) ON CONFLICT DO NOTHING""")) {
            long splitPrevious = splitterClose(previousWeekday(SPLIT_DAY));
            addAction(action, SPLITTER, SPLIT_DAY, "reference_price", "split", 5.0, null, splitPrevious, SPLIT_BASE,
                    splitFactor(), 1_000_000L, 5_000_000L, SPLIT_DAY, "{\"m_obs\": 5.0, \"base\": 10000}", true,
                    false);
            addAction(action, SPLITTER, DIVIDEND_DAY, "cash_dividend", "cash_dividend", null,
                    BigDecimal.valueOf(DIVIDEND), splitterClose(previousWeekday(DIVIDEND_DAY)), null,
                    dividendFactor(), null, null, null, "{\"fiscal_year\": 2020}", true, false);
            long withdrawnPrevious = splitterClose(previousWeekday(WITHDRAWN_DAY));
            addAction(action, SPLITTER, WITHDRAWN_DAY, "reference_price", "unclassified", null, null,
                    withdrawnPrevious, withdrawnPrevious + 100, (withdrawnPrevious + 100.0) / withdrawnPrevious,
                    null, null, null, "{\"reason\": \"base above the previous close with no share change\"}",
                    false, true);
            long reductionPrevious = delistedClose(previousWeekday(REDUCTION_DAY));
            addAction(action, DELISTED, REDUCTION_DAY, "reference_price", "capital_reduction", 0.1, null,
                    reductionPrevious, REDUCTION_BASE, reductionFactor(), 2_000_000L, 200_000L, REDUCTION_DAY,
                    "{\"m_obs\": 0.1}", true, false);
            long bonusPrevious = bumpedClose(previousWeekday(BONUS_DAY));
            addAction(action, BUMPED, BONUS_DAY, "reference_price", "bonus_issue", 1.2, null, bonusPrevious,
                    BONUS_BASE, bonusFactor(), 1_000_000L, 1_200_000L, LocalDate.of(2021, 3, 8), "{\"r\": 0.2}", true,
                    false);
            action.executeBatch();
        }
        try (PreparedStatement check = db.prepareStatement("""
                INSERT INTO market.corporate_action_checks (code, ex_date, event, source, their_factor, our_factor,
                                                            agrees, detail, checked_at)
                VALUES (?, ?, 'reference_price', 'NAVER', ?, ?, ?, ?, '2021-05-03T00:00:00Z')
                ON CONFLICT DO NOTHING""")) {
            addCheck(check, SPLITTER, SPLIT_DAY, 0.2001, splitFactor(), true, "Naver implies 0.2001");
            addCheck(check, DELISTED, REDUCTION_DAY, 1.0, reductionFactor(), false,
                    "Naver's adjusted series shows no step");
            check.executeBatch();
        }
        // The cumulative steps of the live actions: before each ex-date, the product of the factors of every live
        // action on or after it.
        try (PreparedStatement factor = db.prepareStatement("""
                INSERT INTO market.adjustment_factors (code, ex_date, split_factor, total_factor)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            addFactor(factor, SPLITTER, SPLIT_DAY, splitFactor(), splitFactor() * dividendFactor());
            addFactor(factor, SPLITTER, DIVIDEND_DAY, 1.0, dividendFactor());
            addFactor(factor, DELISTED, REDUCTION_DAY, reductionFactor(), reductionFactor());
            addFactor(factor, BUMPED, BONUS_DAY, bonusFactor(), bonusFactor());
            factor.executeBatch();
        }
        try (Statement s = db.createStatement()) {
            s.execute("""
                    INSERT INTO market.adjustment_versions (code, version, changed_at) VALUES
                      ('160010', 2, '2021-05-02T00:00:00Z'), ('160020', 1, '2021-05-02T00:00:00Z'),
                      ('160030', 1, '2021-05-02T00:00:00Z')
                    ON CONFLICT DO NOTHING""");
        }
    }

    private static void addAction(PreparedStatement s, String code, LocalDate exDate, String event, String type,
            Double multiplier, BigDecimal cash, long previousClose, Long referencePrice, double priceFactor,
            Long sharesBefore, Long sharesAfter, LocalDate sharesChangedOn, String evidence, boolean classified,
            boolean withdrawn) throws SQLException {
        s.setString(1, code);
        s.setObject(2, exDate);
        s.setString(3, event);
        s.setString(4, type);
        s.setObject(5, multiplier);
        s.setBigDecimal(6, cash);
        s.setLong(7, previousClose);
        s.setObject(8, referencePrice);
        s.setDouble(9, priceFactor);
        s.setObject(10, sharesBefore);
        s.setObject(11, sharesAfter);
        s.setObject(12, sharesChangedOn);
        s.setString(13, evidence);
        s.setObject(14, classified ? java.time.OffsetDateTime.parse("2021-05-01T00:00:00Z") : null);
        s.setObject(15, withdrawn ? java.time.OffsetDateTime.parse("2021-05-02T00:00:00Z") : null);
        s.addBatch();
    }

    private static void addCheck(PreparedStatement s, String code, LocalDate exDate, double theirs, double ours,
            boolean agrees, String detail) throws SQLException {
        s.setString(1, code);
        s.setObject(2, exDate);
        s.setDouble(3, theirs);
        s.setDouble(4, ours);
        s.setBoolean(5, agrees);
        s.setString(6, detail);
        s.addBatch();
    }

    private static void addFactor(PreparedStatement s, String code, LocalDate exDate, double split, double total)
            throws SQLException {
        s.setString(1, code);
        s.setObject(2, exDate);
        s.setDouble(3, split);
        s.setDouble(4, total);
        s.addBatch();
    }
}
