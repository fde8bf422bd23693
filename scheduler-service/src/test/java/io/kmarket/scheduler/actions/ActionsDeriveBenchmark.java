package io.kmarket.scheduler.actions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.actions.ActionDerivation.Derived;
import io.kmarket.scheduler.actions.store.ActionCheckStore;
import io.kmarket.scheduler.actions.store.ActionEvidenceReader;
import io.kmarket.scheduler.actions.store.ActionStore;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.kmarket.testing.postgres.ServiceSchema;

/**
 * Whole-market derivation of corporate actions and factors against a fresh local PostgreSQL (as the tests use):
 * STOCKS stocks over every trading day from FROM to TO, generated in SQL, a tenth of them with a 5:1 split, a tenth
 * with a 1:1 bonus issue listed 15 trading days later, three tenths with a cash dividend every year. Times, per
 * round, the raw scan of the same price rows (count and sum of the closes), the derivation's one SQL pass alone, the
 * first derivation into empty tables and a re-run over unchanged data; prints every round and the medians as a
 * Markdown table. Run with deploy/bench/actions-derive.sh.
 */
public final class ActionsDeriveBenchmark {

    private static final Logger LOG = Logger.getLogger(ActionsDeriveBenchmark.class);

    private static final int STOCKS = Integer.getInteger("stocks", 2_800);
    private static final LocalDate FROM = LocalDate.parse(System.getProperty("from", "2016-01-04"));
    private static final LocalDate TO = LocalDate.parse(System.getProperty("to", "2025-12-30"));
    private static final int ROUNDS = Integer.getInteger("rounds", 3);

    private ActionsDeriveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        KmarketTestDatabase database = KmarketTestDatabase.shared();
        database.migrate(ServiceSchema.SCHEDULER);
        long seedStart = System.nanoTime();
        long rows = seed(database);
        LOG.infof("seeded %d stocks, %d price rows (%s..%s) in %d s", STOCKS, rows, FROM, TO,
                (System.nanoTime() - seedStart) / 1_000_000_000);

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(ServiceSchema.SCHEDULER.role());
        dataSource.setPassword(ServiceSchema.SCHEDULER.password());
        Jdbc jdbc = new Jdbc(dataSource);
        ActionEvidenceReader evidence = new ActionEvidenceReader(jdbc);
        ActionDerivation derivation = new ActionDerivation(evidence, new ActionStore(jdbc), new ActionCheckStore(jdbc),
                Clock.systemUTC());
        // Each statement commits on its own here; the job runs each batch of stocks in one fenced transaction.
        ActionDerivation.Transactions direct = Runnable::run;

        Map<String, List<Long>> timings = new LinkedHashMap<>();
        long[] found = new long[2];
        for (int round = 0; round < ROUNDS; round++) {
            time(timings, "baseline: raw scan of the price rows (count, sum of close)",
                    () -> jdbc.first("SELECT count(*), sum(close) FROM market.daily_prices", rs -> rs.getLong(1))
                            .orElseThrow());
            time(timings, "the derivation's SQL pass alone (LAG over every row, candidates returned)",
                    () -> evidence.steps(ActionDerivation.LISTING_WINDOW_CALENDAR_DAYS).size());
            truncate(database);
            time(timings, "derivation into empty tables (scan, classify, write actions, factors, versions, checks)",
                    () -> {
                        Derived derived = derivation.derive(tradingDays(derivation, jdbc));
                        found[0] = derived.actions().size();
                        found[1] = derivation.write(derived, direct, 200).actions();
                        derivation.check(derived, direct);
                        return found[1];
                    });
            time(timings, "re-run over unchanged data (nothing to write)", () -> {
                Derived derived = derivation.derive(tradingDays(derivation, jdbc));
                return derivation.write(derived, direct, 200).actions() + derivation.check(derived, direct);
            });
        }
        LOG.infof("%d actions derived, %d written by the first derivation", found[0], found[1]);
        StringBuilder table = new StringBuilder("| measurement | ").append(String.join(" | ", rounds()))
                .append(" | median |\n|---|").append("---:|".repeat(ROUNDS + 1)).append('\n');
        long baseline = median(timings.values().iterator().next());
        timings.forEach((what, ms) -> table.append(String.format("| %s | %s | **%d ms** (%.1fx baseline) |%n", what,
                String.join(" | ", ms.stream().map(t -> t + " ms").toList()), median(ms),
                (double) median(ms) / baseline)));
        LOG.infof("RESULT%n%s", table);
        System.exit(0);
    }

    private static List<String> rounds() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= ROUNDS; i++) {
            names.add("round " + i);
        }
        return names;
    }

    private static void time(Map<String, List<Long>> timings, String what, LongSupplier work) {
        long start = System.nanoTime();
        work.getAsLong();
        timings.computeIfAbsent(what, w -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000_000);
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /** What the job takes from TradingCalendar: the recorded trading days of the span (all seeded by V21). */
    private static TradingDays tradingDays(ActionDerivation derivation, Jdbc jdbc) {
        LocalDate[] span = derivation.span().orElseThrow();
        return new TradingDays(jdbc.query("SELECT day FROM market.trading_calendar WHERE is_trading_day"
                + " AND day BETWEEN ? AND ? ORDER BY day", rs -> Jdbc.date(rs, 1), span[0], span[1]));
    }

    private static void truncate(KmarketTestDatabase database) throws SQLException {
        try (Connection c = database.connectAsSuperuser(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE market.corporate_action_checks, market.corporate_actions, market.adjustment_factors,"
                    + " market.adjustment_versions");
        }
    }

    /**
     * Prices generated in SQL: a stock's close wanders within ±5 % of its level; the reference price is the previous
     * close except on an ex-date. A split stock's level is 5x before its ex-date with 1/5 the shares, a bonus
     * stock's level halves on its ex-date and its shares double 15 trading days later.
     */
    private static long seed(KmarketTestDatabase database) throws SQLException {
        try (Connection c = database.connectAsSuperuser(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE market.daily_prices, market.dividends");
            st.execute("""
                    INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                        shares_out, base_price, source)
                    WITH d AS (SELECT day, row_number() OVER (ORDER BY day)::int AS n FROM market.trading_calendar
                                WHERE is_trading_day AND day BETWEEN '%1$s' AND '%2$s'),
                         s AS (SELECT i, lpad(i::text, 6, '0') AS code, i %% 10 AS kind,
                                      100 + (i * 7919) %% ((SELECT count(*) FROM d)::int - 200) AS ex_n
                                 FROM generate_series(1, %3$d) AS i),
                         raw AS (SELECT s.code, d.day, d.n, s.kind, s.ex_n,
                                        (5000 + (s.i * 37) %% 50000 + (s.i * 131 + d.n * 71) %% 499)
                                          * CASE WHEN s.kind IN (0, 1) AND d.n < s.ex_n THEN 5 - 3 * s.kind ELSE 1 END
                                          AS close,
                                        1000000 * CASE WHEN s.kind = 0 AND d.n >= s.ex_n THEN 5
                                                       WHEN s.kind = 1 AND d.n >= s.ex_n + 15 THEN 2 ELSE 1 END
                                          AS shares
                                   FROM s CROSS JOIN d)
                    SELECT code, day, close, close, close, close, 1000, close * 1000, shares,
                           CASE WHEN kind IN (0, 1) AND n = ex_n THEN lag(close) OVER w / (5 - 3 * kind)
                                ELSE COALESCE(lag(close) OVER w, close) END,
                           'BENCH'
                      FROM raw WINDOW w AS (PARTITION BY code ORDER BY day)""".formatted(FROM, TO, STOCKS));
            st.execute("""
                    INSERT INTO market.dividends (code, fiscal_year, fiscal_month, cash_per_share, source)
                    SELECT lpad(i::text, 6, '0'), y, 12, 100 + i %% 400, 'BENCH'
                      FROM generate_series(1, %d) AS i CROSS JOIN generate_series(%d, %d) AS y
                     WHERE i %% 10 IN (2, 3, 4)""".formatted(STOCKS, FROM.getYear(), TO.getYear() - 1));
            st.execute("ANALYZE market.daily_prices");
            st.execute("ANALYZE market.dividends");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM market.daily_prices")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
