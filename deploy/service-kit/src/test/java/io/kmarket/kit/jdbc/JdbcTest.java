package io.kmarket.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.kmarket.testing.postgres.LocalPostgresCluster;

/** The helper against a real PostgreSQL, with the JVM in Seoul's zone so that no binding may lean on UTC. */
class JdbcTest {

    private static final TimeZone JVM_ZONE = TimeZone.getDefault();
    private static LocalPostgresCluster cluster;
    private static Jdbc jdbc;

    @BeforeAll
    static void startPostgres() {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Seoul"));
        cluster = LocalPostgresCluster.start();
        jdbc = new Jdbc(dataSource(cluster.jdbcUrl("postgres")));
    }

    @AfterAll
    static void stopPostgres() {
        cluster.close();
        TimeZone.setDefault(JVM_ZONE);
    }

    @BeforeEach
    void emptyTable() {
        jdbc.update("DROP TABLE IF EXISTS sample");
        jdbc.update("CREATE TABLE sample (id int PRIMARY KEY, code text, at timestamptz, day date,"
                + " ratio double precision, count bigint)");
    }

    @Test
    void instantsAndDatesRoundTripAndReachTheDatabaseAsTheSameMomentAndDay() {
        Instant at = Instant.parse("2025-01-02T23:30:00Z");
        LocalDate day = LocalDate.of(2025, 1, 3);
        jdbc.update("INSERT INTO sample (id, at, day) VALUES (?, ?, ?)", 1, at, day);

        String asSeenByPostgres = jdbc.first("SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' '"
                + " || day::text FROM sample", row -> row.getString(1)).orElseThrow();
        Optional<Instant> readAt = jdbc.first("SELECT at FROM sample WHERE day = ?", row -> Jdbc.instant(row, "at"),
                day);

        assertThat(asSeenByPostgres).isEqualTo("2025-01-02 23:30 2025-01-03");
        assertThat(readAt).contains(at);
        assertThat(jdbc.first("SELECT day FROM sample", row -> Jdbc.date(row, "day"))).contains(day);
    }

    @Test
    void nullReadersGiveNullForSqlNullAndTheValueOtherwise() {
        jdbc.update("INSERT INTO sample (id, at, day, ratio, count) VALUES (1, NULL, NULL, NULL, NULL),"
                + " (2, NULL, NULL, 0.25, 7)");

        List<List<Object>> rows = jdbc.query("SELECT * FROM sample ORDER BY id", row -> {
            List<Object> values = new ArrayList<>();
            values.add(Jdbc.nullableDouble(row, "ratio"));
            values.add(Jdbc.nullableLong(row, "count"));
            values.add(Jdbc.nullableInt(row, "count"));
            values.add(Jdbc.instant(row, "at"));
            values.add(Jdbc.date(row, "day"));
            return values;
        });

        assertThat(rows.get(0)).containsOnlyNulls();
        assertThat(rows.get(1)).containsExactly(0.25, 7L, 7, null, null);
    }

    @Test
    void aNullParameterBindsAsSqlNull() {
        jdbc.update("INSERT INTO sample (id, code, ratio) VALUES (?, ?, ?)", 1, null, null);

        assertThat(jdbc.first("SELECT code IS NULL AND ratio IS NULL FROM sample", row -> row.getBoolean(1)))
                .contains(true);
    }

    @Test
    void batchWritesEveryItemAcrossSeveralRoundTrips() {
        List<Integer> ids = IntStream.rangeClosed(1, 2 * Jdbc.BATCH_SIZE + 7).boxed().toList();

        int written = jdbc.batch("INSERT INTO sample (id, ratio) VALUES (?, ?)", ids, id -> new Object[] { id, id / 2.0 });

        assertThat(written).isEqualTo(2_007);
        assertThat(jdbc.first("SELECT count(*), sum(ratio) FROM sample", row -> row.getLong(1) + "/" + row.getDouble(2)))
                .contains("2007/" + (2007 * 2008 / 2) / 2.0);
    }

    @Test
    void streamHandsOverEveryRowInOrder() {
        jdbc.update("INSERT INTO sample (id) SELECT g FROM generate_series(1, 250) g");
        List<Integer> seen = new ArrayList<>();

        jdbc.stream("SELECT id FROM sample WHERE id > ? ORDER BY id", 100, row -> seen.add(row.getInt(1)), 50);

        assertThat(seen).hasSize(200).first().isEqualTo(51);
        assertThat(seen).isSorted().last().isEqualTo(250);
    }

    @Test
    void aStringArrayBindsAsAnArray() {
        jdbc.update("INSERT INTO sample (id, code) VALUES (1, 'A'), (2, 'B'), (3, 'C')");

        List<Integer> ids = jdbc.query("SELECT id FROM sample WHERE code = ANY (?) ORDER BY id", row -> row.getInt(1),
                (Object) new String[] { "A", "C" });

        assertThat(ids).containsExactly(1, 3);
    }

    @Test
    void firstOfNoRowsIsEmpty() {
        assertThat(jdbc.first("SELECT id FROM sample WHERE id = ?", row -> row.getInt(1), 42)).isEmpty();
    }

    @Test
    void ownTransactionCommitsWhenWorkReturnsAndRollsBackWhenItThrows() {
        jdbc.inOwnTransaction(connection -> connection.createStatement().executeUpdate(
                "INSERT INTO sample (id) VALUES (1)"));
        assertThatThrownBy(() -> jdbc.inOwnTransaction(connection -> {
            connection.createStatement().executeUpdate("INSERT INTO sample (id) VALUES (2)");
            return connection.createStatement().executeUpdate("INSERT INTO sample (id) VALUES (1)");
        })).isInstanceOf(DataAccessException.class);

        assertThat(jdbc.query("SELECT id FROM sample", row -> row.getInt(1))).containsExactly(1);
    }

    @Test
    void aFailingStatementIsADataAccessExceptionNamingItsFirstLineAndSqlState() {
        assertThatThrownBy(() -> jdbc.update("INSERT INTO sample (id) VALUES (1), (1)\n  -- second line"))
                .isExactlyInstanceOf(DataAccessException.class)
                .hasMessage("statement failed (SQLState 23505): INSERT INTO sample (id) VALUES (1), (1)")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void anUnreachableDatabaseIsADatabaseUnavailableException() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Jdbc unreachable = new Jdbc(dataSource("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres"));

        assertThatThrownBy(() -> unreachable.query("SELECT 1", ResultSet::getRow))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("statement failed (SQLState 08001): SELECT 1");
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(2);
        return dataSource;
    }
}
