package io.kmarket.ml.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.indicators.ComputeTimings;
import io.kmarket.ml.indicators.Indicator;
import io.kmarket.ml.indicators.IndicatorKernels;
import io.kmarket.ml.indicators.IndicatorService;
import io.kmarket.ml.indicators.store.IndicatorStateReader;
import io.kmarket.ml.indicators.store.IndicatorWriter;
import io.kmarket.ml.market.store.AdjustmentReader;
import io.kmarket.ml.market.store.PriceHistoryReader;
import io.kmarket.ml.support.MarketSeed;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.kmarket.testing.postgres.ServiceSchema;

/**
 * Full-market indicator benchmark against a real PostgreSQL (a fresh local cluster, as the tests use):
 * seeds STOCKS x DAYS prices, then times the production full compute, one new day, and a naive per-stock
 * JDBC loop as the same-run baseline. Run with deploy/bench/indicators.sh.
 */
public final class IndicatorBenchmark {

    private static final Logger LOG = Logger.getLogger(IndicatorBenchmark.class);
    private static final int STOCKS = Integer.getInteger("stocks", 2_800);
    private static final int DAYS = Integer.getInteger("days", 300);
    private static final int NEW_DAYS = 5;
    private static final int REPEATS = 3;

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        KmarketTestDatabase database = KmarketTestDatabase.shared();
        database.migrate(ServiceSchema.SCHEDULER);
        database.migrate(ServiceSchema.ML);
        List<LocalDate> days = MarketSeed.weekdays(LocalDate.of(2024, 1, 2), DAYS + NEW_DAYS);
        long seedStart = System.nanoTime();
        seed(database, days);
        LOG.infof("seeded %d stocks x %d days (+%d new days) with one COPY in %d ms", STOCKS, DAYS, NEW_DAYS,
                Duration.ofNanos(System.nanoTime() - seedStart).toMillis());

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(ServiceSchema.ML.role());
        dataSource.setPassword(ServiceSchema.ML.password());
        Jdbc jdbc = new Jdbc(dataSource);
        IndicatorService service = new IndicatorService(new PriceHistoryReader(jdbc), new AdjustmentReader(jdbc),
                new IndicatorStateReader(jdbc), new IndicatorWriter(jdbc));
        LocalDate first = days.getFirst();
        LocalDate last = days.get(DAYS - 1);

        List<ComputeTimings> fresh = new ArrayList<>();
        List<ComputeTimings> rerun = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            truncate(dataSource);
            fresh.add(service.computeRange(first, last));
            rerun.add(service.computeRange(first, last));
        }
        report("full compute into an empty table", fresh);
        report("full recompute over unchanged stored rows", rerun);

        List<ComputeTimings> newDay = new ArrayList<>();
        for (int i = 0; i < NEW_DAYS; i++) {
            newDay.add(service.computeDay(days.get(DAYS + i)));
        }
        report("one new day rolled forward", newDay);

        truncate(dataSource);
        long naiveStart = System.nanoTime();
        long naiveRows = naivePerStockLoop(dataSource, last);
        LOG.infof("BASELINE naive per-stock loop (SELECT per stock, batched row upserts): %d rows in %d ms",
                naiveRows, Duration.ofNanos(System.nanoTime() - naiveStart).toMillis());
        System.exit(0);
    }

    private static void report(String what, List<ComputeTimings> runs) {
        LOG.infof("RESULT %s: rows %d, median total %d ms, read %d ms, compute %d ms, write %d ms (runs: %s)",
                what, runs.getFirst().rows(), median(runs, t -> t.total().toMillis()),
                median(runs, t -> t.read().toMillis()), median(runs, t -> t.compute().toMillis()),
                median(runs, t -> t.write().toMillis()),
                runs.stream().map(t -> t.total().toMillis() + "ms").toList());
    }

    private static long median(List<ComputeTimings> runs, ToLongFunction<ComputeTimings> metric) {
        long[] values = runs.stream().mapToLong(metric).sorted().toArray();
        return values[values.length / 2];
    }

    private static void seed(KmarketTestDatabase database, List<LocalDate> days) throws SQLException {
        try (Connection connection = database.connectAsSuperuser()) {
            Random random = new Random(1);
            StringBuilder csv = new StringBuilder(64 * STOCKS * days.size());
            for (int s = 0; s < STOCKS; s++) {
                String code = String.format("%06d", s + 1);
                long price = 1_000 + random.nextInt(100_000);
                for (LocalDate day : days) {
                    price = Math.max(10, price + Math.round(price * random.nextGaussian() * 0.02));
                    long volume = random.nextInt(20) == 0 ? 0 : 1_000 + random.nextInt(1_000_000);
                    csv.append(code).append(',').append(day).append(',').append(price).append(',').append(price)
                            .append(',').append(price).append(',').append(price).append(',').append(volume)
                            .append(',').append(price * volume).append(",BENCH\n");
                }
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY market.daily_prices (code, trade_date,"
                    + " open, high, low, close, volume, trading_value, source) FROM STDIN (FORMAT csv)",
                    new StringReader(csv.toString()));
            // Every tenth stock split 2:1 and paid a dividend mid-history, so reads apply factors as on a real market.
            LocalDate exDate = days.get(days.size() / 2);
            connection.createStatement().execute("INSERT INTO market.adjustment_factors (code, ex_date, split_factor,"
                    + " total_factor) SELECT code, DATE '" + exDate + "', 0.5, 0.49 FROM market.daily_prices"
                    + " WHERE trade_date = DATE '" + exDate + "' AND right(code, 1) = '0'");
            connection.createStatement().execute("INSERT INTO market.adjustment_versions (code, version, changed_at)"
                    + " SELECT code, 1, now() FROM market.adjustment_factors");
            connection.createStatement().execute("ANALYZE market.daily_prices");
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    private static void truncate(PGSimpleDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE analytics.indicators");
        }
    }

    /** How the replaced system worked: one query and one batch of single-row upserts per stock. */
    private static long naivePerStockLoop(PGSimpleDataSource dataSource, LocalDate to) throws SQLException {
        String columns = String.join(", ", Arrays.stream(Indicator.values()).map(Indicator::column).toList());
        String placeholders = String.join(", ", java.util.Collections.nCopies(Indicator.COUNT, "?"));
        long rows = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement codes = connection.prepareStatement(
                        "SELECT DISTINCT code FROM market.daily_prices ORDER BY code");
                PreparedStatement prices = connection.prepareStatement("SELECT trade_date, close, volume"
                        + " FROM market.daily_prices WHERE code = ? AND trade_date <= ? ORDER BY trade_date");
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO analytics.indicators (code,"
                        + " trade_date, " + columns + ") VALUES (?, ?, " + placeholders + ") ON CONFLICT (code,"
                        + " trade_date) DO NOTHING")) {
            List<String> all = new ArrayList<>();
            try (ResultSet rs = codes.executeQuery()) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
            for (String code : all) {
                prices.setString(1, code);
                prices.setObject(2, to);
                List<LocalDate> dates = new ArrayList<>();
                double[] close = new double[DAYS + NEW_DAYS];
                double[] volume = new double[DAYS + NEW_DAYS];
                try (ResultSet rs = prices.executeQuery()) {
                    while (rs.next()) {
                        close[dates.size()] = rs.getLong(2);
                        volume[dates.size()] = rs.getLong(3);
                        dates.add(rs.getObject(1, LocalDate.class));
                    }
                }
                double[][] values = IndicatorKernels.computeAll(close, volume, dates.size());
                for (int d = 0; d < dates.size(); d++) {
                    upsert.setString(1, code);
                    upsert.setObject(2, dates.get(d));
                    for (int k = 0; k < Indicator.COUNT; k++) {
                        double value = values[k][d];
                        if (Double.isNaN(value)) {
                            upsert.setNull(3 + k, java.sql.Types.DOUBLE);
                        } else {
                            upsert.setDouble(3 + k, value);
                        }
                    }
                    upsert.addBatch();
                }
                rows += upsert.executeBatch().length;
            }
        }
        return rows;
    }
}
