package io.kmarket.ml.indicators.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.kmarket.kit.jdbc.DataAccessException;
import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.indicators.Indicator;

/**
 * Bulk upsert of indicator rows: binary COPY into a temporary table, then one INSERT ... ON CONFLICT into
 * analytics.indicators, all in one transaction, so readers see either the old or the new values and a rerun
 * overwrites instead of doubling. Binary COPY, because formatting and parsing millions of doubles as text
 * costs more than the whole computation. Rows whose values did not change are not rewritten.
 * <p>
 * When the table holds no row in the dates being written (a first computation), the rows are copied straight
 * into analytics.indicators instead: nothing can conflict, and skipping the temporary table and the conflict
 * checks roughly halves the write time. Runs are serialised by RunService, so no other writer can add rows to
 * that range meanwhile; if one did, the copy would fail on the primary key and the run be recorded as failed.
 * <p>
 * The factor versions the batch recorded ({@link Batch#computedUnder}) are written in the same transaction, so a
 * stock's recorded version never runs ahead of its rows.
 * <p>
 * The write holds a connection and transaction of its own ({@link Jdbc#inOwnTransaction}): the rows it copies are
 * streamed meanwhile from another connection by PriceHistoryReader, and a connection in COPY can do nothing else.
 */
@ApplicationScoped
public class IndicatorWriter {

    private static final String COLUMNS = "code, trade_date, " + Arrays.stream(Indicator.values())
            .map(Indicator::column).collect(Collectors.joining(", "));
    private static final String UPSERT = "INSERT INTO analytics.indicators AS t (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM indicators_load ON CONFLICT (code, trade_date) DO UPDATE SET "
            + Arrays.stream(Indicator.values()).map(i -> i.column() + " = EXCLUDED." + i.column())
                    .collect(Collectors.joining(", "))
            + ", computed_at = now() WHERE (" + prefixed("t.") + ") IS DISTINCT FROM (" + prefixed("EXCLUDED.") + ")";

    private static final String RECORD_VERSIONS = """
            INSERT INTO analytics.indicator_adjustment_versions (code, version)
            SELECT * FROM unnest(?::varchar[], ?::bigint[])
            ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, recorded_at = now()""";

    private static final String ANY_ROW_BETWEEN =
            "SELECT EXISTS (SELECT 1 FROM analytics.indicators WHERE trade_date BETWEEN ? AND ?)";
    private static final String TO_LOAD_TABLE = "CREATE TEMP TABLE indicators_load"
            + " (LIKE analytics.indicators INCLUDING DEFAULTS) ON COMMIT DROP";

    private final Jdbc jdbc;

    public IndicatorWriter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A bulk write of rows dated {@code from..to}: {@code fill} adds the rows, then they are loaded and committed;
     * if {@code fill} throws, nothing is written. Returns the number of rows added.
     */
    public long write(LocalDate from, LocalDate to, Consumer<Batch> fill) {
        return jdbc.inOwnTransaction(connection -> {
            boolean direct = !anyRowBetween(connection, from, to);
            if (!direct) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(TO_LOAD_TABLE);
                }
            }
            String target = direct ? "analytics.indicators" : "indicators_load";
            Batch batch = new Batch(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " (" + COLUMNS + ") FROM STDIN (FORMAT binary)"));
            try {
                fill.accept(batch);
                batch.end();
            } finally {
                batch.cancelIfActive();
            }
            if (!direct) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(UPSERT);
                }
            }
            recordVersions(connection, batch.versions);
            return batch.rows;
        });
    }

    private static void recordVersions(Connection connection, Map<String, Long> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(RECORD_VERSIONS)) {
            statement.setArray(1, connection.createArrayOf("varchar", versions.keySet().toArray()));
            statement.setArray(2, connection.createArrayOf("int8", versions.values().toArray()));
            statement.executeUpdate();
        }
    }

    private static boolean anyRowBetween(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ANY_ROW_BETWEEN)) {
            statement.setObject(1, from);
            statement.setObject(2, to);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String prefixed(String prefix) {
        return Arrays.stream(Indicator.values()).map(i -> prefix + i.column()).collect(Collectors.joining(", "));
    }

    /** The rows of one bulk write, sent to PostgreSQL in binary COPY format a megabyte at a time. */
    public static final class Batch {

        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
        private static final int POSTGRES_EPOCH_DAY = (int) LocalDate.of(2000, 1, 1).toEpochDay();
        private static final int FLUSH_AT = 1 << 20;

        private final CopyIn copy;
        private final ByteBuffer buffer = ByteBuffer.allocate(FLUSH_AT + 4096);
        private final Map<String, Long> versions = new LinkedHashMap<>();
        private long rows;
        private String lastCode;
        private byte[] lastCodeBytes;

        private Batch(CopyIn copy) {
            this.copy = copy;
            buffer.put(SIGNATURE).putInt(0).putInt(0);
        }

        /**
         * Records that every stored row of {@code code} is now computed under factor {@code version}, committed with
         * the rows: only for a stock whose whole history this batch rewrites.
         */
        public void computedUnder(String code, long version) {
            versions.put(code, version);
        }

        /** Adds the row of {@code values[indicator][index]}; NaN is written as NULL. */
        public void add(String code, int epochDay, double[][] values, int index) {
            beginRow(code, epochDay);
            for (double[] column : values) {
                putDouble(column[index]);
            }
            endRow();
        }

        /** Adds the row of {@code values[indicator]}; NaN is written as NULL. */
        public void add(String code, int epochDay, double[] values) {
            beginRow(code, epochDay);
            for (double value : values) {
                putDouble(value);
            }
            endRow();
        }

        private void end() throws SQLException {
            buffer.putShort((short) -1);
            flush();
            copy.endCopy();
        }

        private void cancelIfActive() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }

        private void beginRow(String code, int epochDay) {
            if (!code.equals(lastCode)) {
                lastCode = code;
                lastCodeBytes = code.getBytes(StandardCharsets.UTF_8);
            }
            buffer.putShort((short) (2 + Indicator.COUNT));
            buffer.putInt(lastCodeBytes.length).put(lastCodeBytes);
            buffer.putInt(4).putInt(epochDay - POSTGRES_EPOCH_DAY);
        }

        private void putDouble(double value) {
            if (Double.isNaN(value)) {
                buffer.putInt(-1);
            } else {
                buffer.putInt(8).putDouble(value);
            }
        }

        private void endRow() {
            rows++;
            if (buffer.position() >= FLUSH_AT) {
                try {
                    flush();
                } catch (SQLException e) {
                    throw DataAccessException.of("COPY analytics.indicators", e);
                }
            }
        }

        private void flush() throws SQLException {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
