package io.kmarket.ml.bench;

import static io.kmarket.ml.support.InternalApi.internal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.kmarket.ml.support.MarketSeed;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Report generation benchmark over the real stack (HTTP, worker pool, PostgreSQL) for a stock with 10 years
 * of history. Not part of the test suite (its name does not end in Test): run deploy/bench/reports.sh.
 * Generation time is measured by the database (started_at..finished_at of each report), end-to-end time by
 * the client (request until done is observed).
 */
@QuarkusTest
class ReportBenchmark {

    private static final Logger LOG = Logger.getLogger(ReportBenchmark.class);
    private static final String CODE = "BEN001";
    private static final int YEARS = 10;
    private static final int WARMUP = 10;
    private static final int SEQUENTIAL = 60;
    private static final int CLIENTS = 4;
    private static final int PER_CLIENT = 15;

    @Test
    void benchmark() throws Exception {
        List<LocalDate> days = seed();
        LocalDate last = days.getLast();
        for (int i = 0; i < WARMUP; i++) {
            generate(last.minusDays(1_000 + i));
        }

        List<String> sequential = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < SEQUENTIAL; i++) {
            sequential.add(generate(last.minusDays(i)));
        }
        double sequentialSeconds = (System.nanoTime() - start) / 1e9;
        long[] generation = millis(sequential, "finished_at - started_at");
        long[] endToEnd = millis(sequential, "finished_at - requested_at");
        LOG.infof("RESULT sequential, 1 client, %d reports: generation p50 %d ms, p95 %d ms; request-to-done p50 %d ms,"
                + " p95 %d ms; throughput %.1f reports/s", SEQUENTIAL, percentile(generation, 50),
                percentile(generation, 95), percentile(endToEnd, 50), percentile(endToEnd, 95),
                SEQUENTIAL / sequentialSeconds);

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<String>>> futures = new ArrayList<>();
        start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(clients.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < PER_CLIENT; i++) {
                    ids.add(generate(last.minusDays(100 + client * PER_CLIENT + i)));
                }
                return ids;
            }));
        }
        List<String> concurrent = new ArrayList<>();
        for (Future<List<String>> future : futures) {
            concurrent.addAll(future.get());
        }
        double concurrentSeconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        long[] concurrentGeneration = millis(concurrent, "finished_at - started_at");
        long[] concurrentEndToEnd = millis(concurrent, "finished_at - requested_at");
        LOG.infof("RESULT %d concurrent clients, %d reports: generation p50 %d ms, p95 %d ms; request-to-done p50 %d"
                + " ms, p95 %d ms; throughput %.1f reports/s (%.2fx the single client)", CLIENTS, concurrent.size(),
                percentile(concurrentGeneration, 50), percentile(concurrentGeneration, 95),
                percentile(concurrentEndToEnd, 50), percentile(concurrentEndToEnd, 95),
                concurrent.size() / concurrentSeconds,
                (concurrent.size() / concurrentSeconds) / (SEQUENTIAL / sequentialSeconds));
        assertThat(concurrent).hasSize(CLIENTS * PER_CLIENT);
    }

    private static String generate(LocalDate asOf) {
        String id = internal().body("{\"code\":\"" + CODE + "\",\"asOf\":\"" + asOf + "\"}")
                .post("/internal/reports").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> "done".equals(internal().get("/internal/reports/" + id).path("status")));
        return id;
    }

    private static List<LocalDate> seed() throws SQLException {
        List<LocalDate> days = MarketSeed.weekdays(LocalDate.of(2015, 1, 5), YEARS * 250);
        MarketSeed.insert(MarketSeed.randomWalk(CODE, days.getFirst(), days.size(), 11, 1_200, 4));
        MarketSeed.stock(CODE, "벤치마크", "Benchmark Co");
        MarketSeed.execute("INSERT INTO market.disclosures (rcept_no, corp_code, corp_name, stock_code, report_name,"
                + " receipt_date) SELECT lpad(g::text, 14, '0'), '00000009', 'B', '" + CODE + "', '공시 ' || g,"
                + " date '2015-01-05' + g * 7 FROM generate_series(1, 500) g ON CONFLICT DO NOTHING");
        return days;
    }

    private static long[] millis(List<String> ids, String interval) throws SQLException {
        try (Connection connection = KmarketTestDatabase.shared().connectAsSuperuser();
                PreparedStatement statement = connection.prepareStatement("SELECT (extract(epoch FROM " + interval
                        + ") * 1000)::bigint FROM analytics.reports WHERE id = ANY (?::uuid[])")) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            List<Long> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }
}
